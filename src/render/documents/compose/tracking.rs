//! The fiche de suivi et d'évaluation: every competency by domain with the activities that
//! validate it, then the bilan against the certification rule and the decision block. Landscape,
//! so the competency column is wide; structure from the mapping and the rule, wording from the
//! labels.

use crate::model::{Competency, Domain};

use super::super::model::{Block, Cell, Document, Orientation, ParagraphStyle, Row, Run, Table};
use super::{Composer, column, paragraph, table};

/// Relative widths on a landscape page: the competency's text has most of the room, the
/// activities' titles the next.
const CODE: u32 = 2;
const COMPETENCY: u32 = 14;
const ACTIVITIES: u32 = 9;
const TO_FILL: u32 = 3;

/// The bilan's widths: the rows' names, each domain's column, the total's.
const BILAN_NAMES: u32 = 6;
const BILAN_DOMAIN: u32 = 2;
const BILAN_TOTAL: u32 = 4;

/// In a bilan cell the rule leaves empty, so that it is not mistaken for a cell to fill in.
const NOT_APPLICABLE: &str = "–";

/// The body text's size, in points: a dense form.
const FONT_SIZE: u32 = 9;

impl Composer<'_> {
    pub(super) fn tracking_sheet(&self) -> Document {
        let labels = &self.labels.tracking;
        let referentiel = &self.model.referentiel;
        let codes = referentiel
            .competencies()
            .map(|c| c.code.value.clone())
            .collect();
        let subject = labels.subject.clone();
        let mut document = self.document(&labels.slug, &labels.title, subject, codes);
        document.orientation = Orientation::Landscape;
        // 28 competencies and their activities on three landscape pages.
        document.font_size = FONT_SIZE;
        let rule = &self.labels.rule;
        let blocks = &mut document.blocks;
        blocks.push(paragraph(
            ParagraphStyle::Kicker,
            vec![Run::plain(self.text(&self.model.settings.title))],
        ));
        blocks.push(Block::Heading {
            level: 1,
            text: self.text(&labels.title),
        });
        blocks.push(self.identity_table(&labels.student_fields));
        blocks.push(paragraph(
            ParagraphStyle::Emphasis,
            vec![Run::plain(self.text(rule))],
        ));
        blocks.push(Block::Table(self.competencies_table()));
        self.bilan(blocks);
        document
    }

    /// Every competency, each group's and domain's row before them (kept with the first
    /// competency), the activities of each as a list, then the columns to fill in. One table,
    /// so its header row is written once and repeated on each page.
    fn competencies_table(&self) -> Table {
        let labels = &self.labels.tracking;
        let referentiel = &self.model.referentiel;
        let mut columns = vec![
            column(&self.labels.code, CODE),
            column(&self.labels.competency, COMPETENCY),
            column(&labels.activities, ACTIVITIES),
        ];
        columns.extend(labels.columns.iter().map(|label| column(label, TO_FILL)));
        let mut rows = Vec::new();
        for group in &referentiel.groups {
            if let (true, Some(code)) = (referentiel.has_groups, &group.code) {
                let title = group
                    .title
                    .as_deref()
                    .map_or(code.value.clone(), |t| format!("{} – {t}", code.value));
                rows.push(Row::Group {
                    text: self.text(&title),
                });
            }
            for domain in &group.domains {
                rows.push(Row::Group {
                    text: self.text(&format!("{} – {}", domain.code.value, domain.title)),
                });
                for competency in &domain.competencies {
                    rows.push(self.competency_row(competency));
                }
            }
        }
        Table {
            caption: None,
            columns,
            rows,
        }
    }

    /// A competency's row: its code and text, the activities that validate it (or the note that
    /// none does), then the cells to fill in.
    fn competency_row(&self, competency: &Competency) -> Row {
        let labels = &self.labels.tracking;
        let mut activities: Vec<String> = self
            .model
            .activities_validating(&competency.code.value)
            .map(|a| self.text(&format!("• {}", a.title)))
            .collect();
        if activities.is_empty() {
            activities.push(self.text(&labels.uncovered));
        }
        let mut cells = vec![
            self.code_cell(competency),
            self.competency_cell(competency),
            Cell {
                text: activities,
                ..Cell::blank(0)
            },
        ];
        cells.extend(labels.columns.iter().map(|_| Cell::blank(1)));
        Row::Cells { cells }
    }

    /// The bilan (per domain: its competencies, the counts to fill in, the rule's maximum and
    /// minimum; then the total against the rule) and the decision block.
    fn bilan(&self, blocks: &mut Vec<Block>) {
        let bilan = &self.labels.tracking.bilan;
        blocks.push(Block::Heading {
            level: 2,
            text: self.text(&bilan.title),
        });
        blocks.push(paragraph(
            ParagraphStyle::Normal,
            vec![Run::plain(self.text(&bilan.intro))],
        ));
        // One column per domain, so the bilan fits under the last competencies.
        let domains: Vec<&Domain> = self.model.referentiel.domains().collect();
        let mut columns = vec![column(&bilan.domain, BILAN_NAMES)];
        columns.extend(domains.iter().map(|d| column(&d.code.value, BILAN_DOMAIN)));
        columns.push(column(&bilan.total, BILAN_TOTAL));
        let rule = &self.model.settings.certification;
        let total = domains.iter().map(|d| d.competencies.len()).sum::<usize>();
        let mut rows = vec![
            self.bilan_row(
                &bilan.competencies,
                domains
                    .iter()
                    .map(|d| Some(d.competencies.len().to_string())),
                Some(total.to_string()),
            ),
        ];
        for name in &bilan.to_fill {
            rows.push(self.bilan_row(name, domains.iter().map(|_| None), None));
        }
        let required = rule.required(total);
        // The total's rule shares the maximum's row when no row of minimums follows.
        let minimums_row = rule.has_minimums() || rule.max_missing().is_none();
        if let Some(max) = rule.max_missing() {
            let max = Some(max.to_string());
            let in_total = match minimums_row {
                true => NOT_APPLICABLE.to_owned(),
                false => self.labels.bilan_total_rule(required),
            };
            rows.push(self.bilan_row(
                &bilan.at_most_missing,
                domains.iter().map(|_| max.clone()),
                Some(in_total),
            ));
        }
        if minimums_row {
            let minimum = |d: &&Domain| match rule.has_minimums() {
                true => Some(rule.minimum_for(&d.code.value).to_string()),
                false => Some(NOT_APPLICABLE.to_owned()),
            };
            rows.push(self.bilan_row(
                &bilan.at_least_validated,
                domains.iter().map(minimum),
                Some(required.to_string()),
            ));
        }
        blocks.push(table(columns, rows));
        self.decision(blocks);
    }

    /// A row of the bilan: its name, a value per domain and the total's, each either given or
    /// to fill in.
    fn bilan_row(
        &self,
        name: &str,
        in_domains: impl Iterator<Item = Option<String>>,
        in_total: Option<String>,
    ) -> Row {
        let mut cells = vec![self.text_cell(name, true)];
        for value in in_domains.chain([in_total]) {
            cells.push(match value {
                Some(text) => self.text_cell(&text, false),
                None => Cell::blank(1),
            });
        }
        Row::Cells { cells }
    }

    /// A cell holding a text (a row header when `header`).
    fn text_cell(&self, text: &str, header: bool) -> Cell {
        Cell::text(self.text(text), header)
    }

    /// Who signs, when, and what is decided.
    fn decision(&self, blocks: &mut Vec<Block>) {
        let decision = &self.labels.tracking.decision;
        blocks.push(Block::Heading {
            level: 3,
            text: self.text(&decision.title),
        });
        blocks.push(Block::Checklist {
            items: decision
                .outcomes
                .iter()
                .map(|o| vec![Run::plain(self.text(o))])
                .collect(),
        });
        let columns = decision
            .columns
            .iter()
            .enumerate()
            .map(|(i, label)| column(label, if i == 0 { COMPETENCY / 2 } else { TO_FILL * 2 }))
            .collect();
        let rows = decision
            .signers
            .iter()
            .map(|signer| {
                let mut cells = vec![self.text_cell(signer, true)];
                let to_fill = decision.columns.len().saturating_sub(1);
                cells.extend((0..to_fill).map(|_| Cell::blank(2)));
                Row::Cells { cells }
            })
            .collect();
        blocks.push(table(columns, rows));
    }

    /// One row to fill in under a header per field: the student's identity, compact.
    pub(super) fn identity_table(&self, fields: &[String]) -> Block {
        Block::Table(Table {
            caption: None,
            columns: fields.iter().map(|f| column(&self.text(f), 1)).collect(),
            rows: vec![Row::Cells {
                cells: fields.iter().map(|_| Cell::blank(1)).collect(),
            }],
        })
    }
}
