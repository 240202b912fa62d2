//! The document model: a format-neutral description of one generated document (a fiche model or
//! the fiche de suivi), built once from the handbook model and written by each writer (ODT, DOCX)
//! and shown by the HTML preview.
//!
//! It holds final text (typography applied, values expanded) and structure only: no format, no
//! styling beyond the few semantic styles every writer maps to its own. A new format is one more
//! writer reading this model; nothing here may know a file format.

use serde::Serialize;

/// One document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// File stem of the outputs (`sitographie` → `sitographie.odt`, `sitographie.docx`).
    pub slug: String,
    /// What lists of documents call it: its activity's name, or its title.
    pub name: String,
    /// Metadata: title, subject and keywords (the competency codes).
    pub title: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// BCP 47 language with region, e.g. `fr-FR`.
    pub language: String,
    /// Footer text on every page (organisation, référentiel), before the page numbers.
    pub footer: String,
    /// How page numbers read: the words before the page number, between it and the page count,
    /// and after the count, e.g. `["Page ", " / ", ""]`.
    pub page_number: [String; 3],
    /// A4, upright or on its side (for wide tables).
    pub orientation: Orientation,
    /// The body text's size, in points (smaller for a dense form such as the fiche de suivi).
    pub font_size: u32,
    /// What a field shows until the student types in it (« Cliquez ici pour saisir le texte »).
    pub placeholder: String,
    /// The same, short, for a table cell (« Saisir »): narrow columns keep their height.
    pub table_placeholder: String,
    pub blocks: Vec<Block>,
}

/// How an A4 page is turned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

impl Orientation {
    /// The margins on every side, in tenths of a millimetre: 2 cm, 1.5 cm on a landscape page
    /// (whose wide tables need the room).
    pub fn margin(self) -> u32 {
        match self {
            Orientation::Portrait => 200,
            Orientation::Landscape => 150,
        }
    }

    /// The page's width and height, in tenths of a millimetre.
    pub fn page_size(self) -> (u32, u32) {
        match self {
            Orientation::Portrait => (2100, 2970),
            Orientation::Landscape => (2970, 2100),
        }
    }

    /// The width between the margins, in tenths of a millimetre.
    pub fn text_width(self) -> u32 {
        self.page_size().0 - 2 * self.margin()
    }
}

/// A block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading: level 1 is the document's title, 2 a section, 3 a sub-section. Writers map levels
    /// to their real heading styles, so the outline and screen readers work.
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph of text runs.
    Paragraph {
        style: ParagraphStyle,
        runs: Vec<Run>,
    },
    /// A label, an optional help text, and a bordered space of `lines` empty lines to write in.
    Field {
        label: String,
        help: Option<String>,
        lines: u32,
    },
    Table(Table),
    /// Items each preceded by a box to tick.
    Checklist {
        items: Vec<Vec<Run>>,
    },
}

/// The semantic styles of paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphStyle {
    /// Body text.
    Normal,
    /// Small text above the title (the handbook's name).
    Kicker,
    /// The line that lists the competencies validated.
    Emphasis,
    /// Help text, in italics.
    Help,
}

/// A run of text with its inline formatting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// The target when the run is a link.
    pub link: Option<String>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
            link: None,
        }
    }
}

/// A table whose header row repeats on every page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Shown above the table.
    pub caption: Option<String>,
    /// The header row: one column each.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The most rows of a table kept on one page.
    const KEPT_ROWS: usize = 8;

    /// Whether row `index` stays on the page of the row after it: every row of a short table (a
    /// small table of a form moves whole to the next page rather than start at a page's foot),
    /// and in a long one the first and the last but one, so no page holds one of its rows alone.
    pub fn row_keeps_with_next(&self, index: usize) -> bool {
        let rows = self.rows.len();
        index + 1 < rows && (rows <= Self::KEPT_ROWS || index == 0 || index + 2 == rows)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub label: String,
    /// Help text under the label, in the header cell.
    pub help: Option<String>,
    /// Relative width (the writers share the page width in proportion).
    pub width: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Row {
    /// A row whose single cell spans every column (e.g. a domain's title above its competencies).
    Group { text: String },
    /// One cell per column.
    Cells { cells: Vec<Cell> },
}

/// A table cell: an optional label (bold, or a row header), text paragraphs, then writing space
/// or a box to tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Whether the cell is a row header (its column holds row headers).
    pub header: bool,
    pub label: Option<String>,
    pub text: Vec<String>,
    /// Empty lines to write in, after the label and text; the first is a field to fill in.
    pub lines: u32,
    /// A box to tick (a check box where the format has them).
    pub tick: bool,
}

impl Cell {
    /// An empty cell with `lines` lines of writing space.
    pub fn blank(lines: u32) -> Self {
        Cell {
            header: false,
            label: None,
            text: Vec::new(),
            lines,
            tick: false,
        }
    }

    /// A cell holding `text` (bold when `header`, a row header), nothing to fill in.
    pub fn text(text: String, header: bool) -> Self {
        Cell {
            header,
            text: vec![text],
            ..Cell::blank(0)
        }
    }

    /// Whether the cell shows nothing at all (writers still give it its one paragraph).
    pub fn is_empty(&self) -> bool {
        self.label.is_none() && self.text.is_empty() && !self.tick && self.lines == 0
    }

    /// A cell holding a box to tick.
    pub fn tick() -> Self {
        Cell {
            tick: true,
            ..Cell::blank(0)
        }
    }
}
