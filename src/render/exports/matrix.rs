//! The activity × competency matrix as CSV, for spreadsheets: one row per competency in référentiel
//! order, one column per activity (a mark where the activity validates the competency), then how
//! many activities validate it. Headers, mark and separator come from the labels. It must not
//! compute anything the mapping does not say.

use crate::diagnostic::Diagnostics;

use super::{Context, one_line, written};

/// The UTF-8 byte order mark. Excel reads a CSV file without it in the system's legacy code page
/// (Windows-1252 in France), which turns every accent into two wrong characters; with it, Excel
/// reads UTF-8. Other spreadsheets ignore it.
const BOM: &[u8] = "\u{feff}".as_bytes();

pub fn write(context: &Context, problems: &mut Diagnostics) -> Option<Vec<u8>> {
    // The catalogue's separator is one ASCII character (a test keeps it so).
    let separator = u8::try_from(context.labels.matrix.separator).unwrap_or(b',');
    written("matrix", csv_bytes(context, separator), problems)
}

fn csv_bytes(context: &Context, separator: u8) -> Result<Vec<u8>, csv::Error> {
    let model = context.model;
    let labels = &context.labels.matrix;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let mut header = vec![
        labels.domain.as_str(),
        labels.code.as_str(),
        labels.competency.as_str(),
    ];
    header.extend(model.activities.iter().map(|a| a.title.as_str()));
    header.push(&labels.count);
    writer.write_record(&header)?;
    for domain in model.referentiel.domains() {
        let domain_name = one_line(&format!("{} {}", domain.code.value, domain.title));
        for competency in &domain.competencies {
            let code = competency.code.value.as_str();
            let mut row = vec![
                domain_name.clone(),
                code.to_owned(),
                // The sub-items follow the text, as a sentence (they end with « ; »).
                one_line(&format!(
                    "{} {}",
                    competency.title.value,
                    competency.items.join(" ")
                )),
            ];
            let validating = model.mapping().validating(code);
            let marks = (0..model.activities.len()).map(|a| {
                if validating.contains(&a) {
                    labels.mark.clone()
                } else {
                    String::new()
                }
            });
            row.extend(marks);
            row.push(validating.len().to_string());
            writer.write_record(&row)?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
