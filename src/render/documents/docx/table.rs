//! The DOCX writer's tables: a fixed layout at the text width, a header row repeated on each page,
//! rows that never split, group rows shaded and kept with the row after them.

use super::*;

/// `page`: the text width in twips, and what a cell to fill in shows until the student types.
pub(super) fn write_table(w: &mut W, table: &Table, page: (u32, &str)) -> io::Result<()> {
    let (text_width, placeholder) = page;
    if let Some(caption) = &table.caption {
        paragraph(w, "Caption", |w| run(w, caption, ""))?;
    }
    let widths = column_widths(table, text_width);
    if widths.is_empty() {
        return Ok(());
    }
    element(w, "w:tbl", &[], |w| {
        // Fixed layout at the text width, bordered like a form.
        let layout = format!(
            "w:tblW w:w={text_width} w:type=dxa; w:tblBorders; w:tblLayout w:type=fixed; w:tblCellMar"
        );
        element(w, "w:tblPr", &[], |w| properties(w, &layout))?;
        element(w, "w:tblGrid", &[], |w| {
            for width in &widths {
                empty(w, "w:gridCol", &[("w:w", &width.to_string())])?;
            }
            Ok(())
        })?;
        row(w, true, |w| {
            for (column, &width) in table.columns.iter().zip(&widths) {
                cell(w, width, 1, "F2F2F2", |w| {
                    paragraph(w, "TableHeading", |w| run(w, &column.label, ""))?;
                    match &column.help {
                        Some(help) => paragraph(w, "TableHelp", |w| run(w, help, "")),
                        None => Ok(()),
                    }
                })?;
            }
            Ok(())
        })?;
        // Word keeps a row with the next when each of its paragraphs keeps with the next.
        for (index, model_row) in table.rows.iter().enumerate() {
            let keep = table.row_keeps_with_next(index);
            row(w, false, |w| match model_row {
                Row::Group { text } => cell(w, text_width, widths.len(), "D9D9D9", |w| {
                    paragraph(w, "TableGroup", |w| run(w, text, ""))
                }),
                Row::Cells { cells } => {
                    // A row of the wrong width (the check reports it): blanks fill, extras drop.
                    let blank = Cell::blank(0);
                    for (index, (column, &width)) in table.columns.iter().zip(&widths).enumerate() {
                        let model_cell = cells.get(index).unwrap_or(&blank);
                        let field = (&*column.label, placeholder);
                        cell(w, width, 1, "", |w| {
                            cell_content(w, model_cell, field, keep)
                        })?;
                    }
                    Ok(())
                }
            })?;
        }
        Ok(())
    })?;
    spacer(w)
}

/// Column widths in twips, in proportion to the model's, adding up to the text width.
fn column_widths(table: &Table, text_width: u32) -> Vec<u32> {
    let weight = |column: &Column| u64::from(column.width.max(1));
    let total: u64 = table.columns.iter().map(weight).sum();
    let share = |column| (u64::from(text_width) * weight(column) / total) as u32;
    let mut widths: Vec<u32> = table.columns.iter().map(share).collect();
    let rest = text_width - widths.iter().sum::<u32>();
    if let Some(last) = widths.last_mut() {
        *last += rest;
    }
    widths
}

/// A row, never split across pages (it holds room to write); the header row repeats on each page.
fn row(w: &mut W, header: bool, cells: impl FnOnce(&mut W) -> io::Result<()>) -> io::Result<()> {
    element(w, "w:tr", &[], |w| {
        let header = if header { "; w:tblHeader" } else { "" };
        element(w, "w:trPr", &[], |w| {
            properties(w, &format!("w:cantSplit{header}"))
        })?;
        cells(w)
    })
}

/// A cell spanning `span` grid columns, shaded with `fill` unless empty; `content` must write at
/// least one paragraph, as Word requires.
fn cell(
    w: &mut W,
    width: u32,
    span: usize,
    fill: &str,
    content: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    let mut list = format!("w:tcW w:w={width} w:type=dxa");
    if span > 1 {
        list.push_str(&format!("; w:gridSpan w:val={span}"));
    }
    if !fill.is_empty() {
        list.push_str(&format!("; w:shd w:val=clear w:color=auto w:fill={fill}"));
    }
    element(w, "w:tc", &[], |w| {
        element(w, "w:tcPr", &[], |w| properties(w, &list))?;
        content(w)
    })
}

/// The label (bold), the text (bold in a row header), then a box to tick or room to write, whose
/// first line is a field: `field` is its description (the column's label) and its placeholder.
/// With `keep`, every paragraph keeps with the next, so the row stays with the one after it.
fn cell_content(w: &mut W, cell: &Cell, field: (&str, &str), keep: bool) -> io::Result<()> {
    let keep = if keep { "; w:keepNext" } else { "" };
    let heading = format!("w:pStyle w:val=TableHeading{keep}");
    let contents = format!("w:pStyle w:val=TableContents{keep}");
    if let Some(label) = &cell.label {
        paragraph_with(w, &heading, |w| run(w, label, ""))?;
    }
    let style = if cell.header { &heading } else { &contents };
    for text in &cell.text {
        paragraph_with(w, style, |w| run(w, text, ""))?;
    }
    if cell.tick {
        paragraph_with(w, &contents, checkbox)?;
    }
    for line in 0..cell.lines {
        paragraph_with(w, &contents, |w| match line {
            0 => text_control(w, field.0, field.1),
            _ => Ok(()),
        })?;
    }
    // Word requires a paragraph in every cell.
    if cell.is_empty() {
        paragraph_with(w, &contents, |_| Ok(()))?;
    }
    Ok(())
}
