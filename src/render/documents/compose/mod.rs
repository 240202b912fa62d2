//! Composes the documents from the handbook model: one fiche model per activity that has one, and
//! the fiche de suivi. Everything derived lives here, once: the header's "Validation des
//! compétences" line and domain / competency table come from the activity's mapping, the fiche de
//! suivi's "activités qui la valident" column from every mapping, the rule from the settings.
//! Wording comes from the labels (the message catalogue); text gets the language's typography. Nothing here knows
//! a file format.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

mod tracking;

use crate::model::{Activity, Competency, FicheBlock, FicheModel, Model, TableSpec};
use crate::render::typography;

use super::model::{Block, Cell, Column, Document, ParagraphStyle, Row, Run, Table};
use crate::render::labels::Labels;

/// The body text's size, in points.
const FONT_SIZE: u32 = 11;

/// Relative widths: a code column is narrow, a text column wide.
const CODE_WIDTH: u32 = 1;
const TEXT_WIDTH: u32 = 4;
const COLUMN_WIDTH: u32 = 3;
const ROW_HEADER_WIDTH: u32 = 2;

/// Composes every document of the handbook.
pub fn compose(model: &Model, labels: &Labels) -> Vec<Document> {
    let composer = Composer {
        model,
        labels,
        language: &model.settings.language,
    };
    let mut documents: Vec<Document> = model
        .activities
        .iter()
        .filter_map(|activity| Some(composer.fiche(activity, model.fiche_of(activity)?)))
        .collect();
    // The fiche de suivi first: every student needs it, whatever their activities.
    documents.insert(0, composer.tracking_sheet());
    documents
}

struct Composer<'a> {
    model: &'a Model,
    labels: &'a Labels,
    language: &'a str,
}

impl Composer<'_> {
    fn text(&self, text: &str) -> String {
        typography::apply(self.language, text).into_owned()
    }

    fn document(
        &self,
        slug: &str,
        title: &str,
        subject: String,
        keywords: Vec<String>,
    ) -> Document {
        let labels = self.labels;
        Document {
            slug: slug.to_owned(),
            name: self.text(title),
            title: self.text(title),
            subject: self.text(&subject),
            keywords,
            language: labels.language.clone(),
            footer: self.text(&labels.footer),
            page_number: labels.page_number.clone(),
            orientation: Default::default(),
            font_size: FONT_SIZE,
            placeholder: self.text(&labels.placeholder),
            table_placeholder: self.text(&labels.table_placeholder),
            blocks: Vec::new(),
        }
    }

    fn fiche(&self, activity: &Activity, fiche: &FicheModel) -> Document {
        let labels = self.labels;
        let title = fiche.title.as_deref().unwrap_or(&activity.title);
        let codes: Vec<&str> = self
            .model
            .competencies_of(activity)
            .map(|(_, c)| c.code.value.as_str())
            .collect();
        let subject = labels.fiche_subject(&activity.title);
        let mut document = self.document(
            &activity.slug.value,
            title,
            subject,
            codes.iter().map(|c| (*c).to_owned()).collect(),
        );
        document.name = self.text(&activity.title);
        let kicker = if title == activity.title {
            self.model.settings.title.clone()
        } else {
            format!("{} – {}", self.model.settings.title, activity.title)
        };
        let blocks = &mut document.blocks;
        blocks.push(paragraph(
            ParagraphStyle::Kicker,
            vec![Run::plain(self.text(&kicker))],
        ));
        blocks.push(Block::Heading {
            level: 1,
            text: self.text(title),
        });
        blocks.push(self.identity_table(&labels.identity));
        if let Some(intro) = &fiche.intro {
            blocks.push(paragraph(ParagraphStyle::Normal, self.inline(&intro.value)));
        }
        let validation = format!("{} {}", labels.validation, codes.join(" – "));
        blocks.push(paragraph(
            ParagraphStyle::Emphasis,
            vec![Run::plain(self.text(&validation))],
        ));
        blocks.push(Block::Table(self.competency_table(activity)));
        for block in &fiche.blocks {
            self.block(activity, &block.value, blocks);
        }
        self.validation_table(activity, blocks);
        document
    }

    /// The end of a fiche: each competency the activity validates, for the trainer to tick and
    /// sign.
    fn validation_table(&self, activity: &Activity, blocks: &mut Vec<Block>) {
        let labels = &self.labels.validation_table;
        blocks.push(Block::Heading {
            level: 2,
            text: self.text(&labels.title),
        });
        // Narrow boxes to tick, room for a name and a date.
        let mut columns = vec![
            column(&self.labels.code, 2),
            column(&self.labels.competency, 8),
        ];
        columns.extend(labels.ticks.iter().map(|c| column(c, 2)));
        columns.extend(labels.columns.iter().map(|c| column(c, 3)));
        let rows = self
            .model
            .competencies_of(activity)
            .map(|(_, competency)| {
                let mut cells = vec![
                    self.code_cell(competency),
                    Cell::text(self.text(&competency.title.value), false),
                ];
                cells.extend(labels.ticks.iter().map(|_| Cell::tick()));
                cells.extend(labels.columns.iter().map(|_| Cell::blank(1)));
                Row::Cells { cells }
            })
            .collect();
        blocks.push(table(columns, rows));
    }

    /// The domain / competency table of a fiche's header, grouped by domain in référentiel order.
    fn competency_table(&self, activity: &Activity) -> Table {
        let mut rows = Vec::new();
        for (domain, competencies) in self.model.domains_of(activity) {
            rows.push(Row::Group {
                text: self.text(&format!("{} – {}", domain.code.value, domain.title)),
            });
            for competency in competencies {
                rows.push(Row::Cells {
                    cells: vec![self.code_cell(competency), self.competency_cell(competency)],
                });
            }
        }
        Table {
            caption: Some(self.text(&self.labels.competency_table)),
            columns: vec![
                column(&self.labels.code, CODE_WIDTH),
                column(&self.labels.competency, TEXT_WIDTH),
            ],
            rows,
        }
    }

    fn code_cell(&self, competency: &Competency) -> Cell {
        Cell {
            header: true,
            label: Some(competency.code.value.clone()),
            ..Cell::blank(0)
        }
    }

    fn competency_cell(&self, competency: &Competency) -> Cell {
        let mut text = vec![self.text(&competency.title.value)];
        text.extend(
            competency
                .items
                .iter()
                .map(|item| self.text(&format!("– {item}"))),
        );
        Cell {
            text,
            ..Cell::blank(0)
        }
    }

    /// Appends the document blocks of one fiche block.
    fn block(&self, activity: &Activity, block: &FicheBlock, out: &mut Vec<Block>) {
        let heading = |level, text: &str| Block::Heading {
            level,
            text: self.text(text),
        };
        match block {
            FicheBlock::Heading(text) => out.push(heading(2, &text.value)),
            FicheBlock::Subheading(text) => out.push(heading(3, &text.value)),
            FicheBlock::Instruction(text) => {
                out.push(paragraph(ParagraphStyle::Normal, self.inline(&text.value)))
            }
            FicheBlock::Field(field) => out.push(Block::Field {
                label: self.text(&field.label.value),
                help: field.help.as_deref().map(|h| self.text(h)),
                lines: field.lines.value,
            }),
            FicheBlock::Table(table) => out.push(Block::Table(self.table(table))),
            FicheBlock::Checklist(list) => {
                if let Some(title) = &list.title {
                    out.push(paragraph(
                        ParagraphStyle::Emphasis,
                        vec![Run::plain(self.text(title))],
                    ));
                }
                let items = list
                    .items
                    .value
                    .iter()
                    .map(|item| self.inline(item))
                    .collect();
                out.push(Block::Checklist { items });
            }
            FicheBlock::Annexes(title) => {
                out.push(paragraph(
                    ParagraphStyle::Emphasis,
                    vec![Run::plain(self.text(&title.value))],
                ));
                let items = activity
                    .annexes
                    .iter()
                    .map(|a| vec![Run::plain(self.text(a))])
                    .collect();
                out.push(Block::Checklist { items });
            }
        }
    }

    fn table(&self, spec: &TableSpec) -> Table {
        let lines = spec.lines.value;
        let mut columns: Vec<Column> = Vec::new();
        if !spec.rows.is_empty() {
            columns.push(column(
                spec.row_header.as_deref().unwrap_or(""),
                ROW_HEADER_WIDTH,
            ));
        }
        for c in &spec.columns.value {
            columns.push(Column {
                label: self.text(&c.label),
                help: c.help.as_deref().map(|h| self.text(h)),
                width: COLUMN_WIDTH,
            });
        }
        let width = spec.columns.value.len();
        let rows: Vec<Row> = if !spec.rows.is_empty() {
            spec.rows
                .iter()
                .map(|header| {
                    let mut cells = vec![Cell {
                        header: true,
                        label: Some(self.text(&header.value)),
                        ..Cell::blank(0)
                    }];
                    cells.extend((0..width).map(|_| Cell::blank(lines)));
                    Row::Cells { cells }
                })
                .collect()
        } else if !spec.cells.is_empty() {
            spec.cells
                .iter()
                .map(|labels| Row::Cells {
                    cells: labels
                        .value
                        .iter()
                        .map(|label| Cell {
                            label: (!label.trim().is_empty()).then(|| self.text(label)),
                            ..Cell::blank(lines)
                        })
                        .collect(),
                })
                .collect()
        } else {
            let count = spec.empty_rows.as_ref().map_or(1, |n| n.value);
            (0..count)
                .map(|_| Row::Cells {
                    cells: (0..width).map(|_| Cell::blank(lines)).collect(),
                })
                .collect()
        };
        Table {
            caption: spec.caption.as_deref().map(|c| self.text(c)),
            columns,
            rows,
        }
    }

    /// Markdown inline (emphasis, strong, links, code) as runs.
    fn inline(&self, markdown: &str) -> Vec<Run> {
        let mut runs = Vec::new();
        let (mut bold, mut italic) = (0, 0);
        let mut link: Option<String> = None;
        for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION) {
            match event {
                Event::Start(Tag::Strong) => bold += 1,
                Event::End(TagEnd::Strong) => bold -= 1,
                Event::Start(Tag::Emphasis) => italic += 1,
                Event::End(TagEnd::Emphasis) => italic -= 1,
                Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
                Event::End(TagEnd::Link) => link = None,
                Event::Text(text) | Event::Code(text) => runs.push(Run {
                    text: self.text(&text),
                    bold: bold > 0,
                    italic: italic > 0,
                    link: link.clone(),
                }),
                Event::SoftBreak | Event::HardBreak => runs.push(Run::plain(" ")),
                _ => {}
            }
        }
        runs
    }
}

fn paragraph(style: ParagraphStyle, runs: Vec<Run>) -> Block {
    Block::Paragraph { style, runs }
}

/// A table without caption.
fn table(columns: Vec<Column>, rows: Vec<Row>) -> Block {
    Block::Table(Table {
        caption: None,
        columns,
        rows,
    })
}

fn column(label: &str, width: u32) -> Column {
    Column {
        label: label.to_owned(),
        help: None,
        width,
    }
}
