//! The geometry of a data table's chart: a stacked bar per column, one segment per row group, with
//! a value axis in round steps and a legend in stacking order.
//!
//! Everything here is numbers in the SVG's own coordinates (its viewBox), rounded to a tenth so
//! that the same table always gives the same markup. It draws nothing: `templates/chart.html`
//! turns this view into SVG and chooses colours and patterns; the wording is the content's.

use serde::Serialize;

use crate::model::ChartSpec;
use crate::render::views::TableView;

/// The viewBox: the chart scales to the width of its container from these proportions.
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 400.0;
/// Room for the value axis's labels, on the left.
const PLOT_LEFT: f64 = 64.0;
/// Room for the legend, on the right.
const PLOT_RIGHT: f64 = 520.0;
/// Room for the totals above the bars.
const PLOT_TOP: f64 = 32.0;
/// Room for the column labels under the bars.
const PLOT_BOTTOM: f64 = 356.0;
/// The share of a column's slot its bar takes.
const BAR_SHARE: f64 = 0.6;
/// A segment shows its value inside when at least this tall (a 12px label and its margins).
const LABEL_MIN_HEIGHT: f64 = 18.0;
/// About how many steps the value axis has.
const TARGET_STEPS: u64 = 5;
const LEGEND_X: f64 = 544.0;
const LEGEND_TOP: f64 = 48.0;
const LEGEND_ROW: f64 = 32.0;

#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub title: String,
    pub unit: Option<String>,
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_top: f64,
    pub plot_bottom: f64,
    pub legend_x: f64,
    /// The value axis, from zero up, each with its height.
    pub ticks: Vec<Tick>,
    /// One bar per column, left to right.
    pub bars: Vec<Bar>,
    /// The series' names, one per row group, in the table's order.
    pub series: Vec<String>,
    /// The series in legend order: the top of the stack first, as the bars stack them.
    pub legend: Vec<LegendItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub value: u64,
    pub y: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// The column's header.
    pub label: String,
    /// The sum of the column's cells (blank cells add nothing).
    pub total: u64,
    pub x: f64,
    pub width: f64,
    /// The middle of the bar, for its labels.
    pub center: f64,
    /// The top of the stack.
    pub top: f64,
    /// The segments from the bottom of the stack up; empty series have none.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Segment {
    /// The series' position among the table's groups (its colour and pattern).
    pub series: usize,
    pub value: u64,
    pub y: f64,
    pub height: f64,
    /// Where its value is written inside it, when it fits.
    pub label_y: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    pub series: usize,
    pub y: f64,
}

/// The chart `spec` asks for, of the table `table`.
pub fn chart_view(spec: &ChartSpec, table: &TableView) -> ChartView {
    let series: Vec<String> = table
        .groups
        .iter()
        .map(|g| {
            g.title
                .clone()
                .or_else(|| spec.untitled_group.as_ref().map(|n| n.value.clone()))
                .unwrap_or_default()
        })
        .collect();
    let mut columns: Vec<usize> = (0..table.columns.len()).collect();
    if spec.chronological {
        columns.reverse();
    }
    let step = nice_step(table.totals.iter().copied().max().unwrap_or(0));
    let top_value = table
        .totals
        .iter()
        .max()
        .map_or(step, |max| max.div_ceil(step).max(1).saturating_mul(step));
    let scale = (PLOT_BOTTOM - PLOT_TOP) / top_value as f64;
    let y_of = |value: u64| round(PLOT_BOTTOM - value as f64 * scale);
    let slot = (PLOT_RIGHT - PLOT_LEFT) / columns.len().max(1) as f64;
    let bars = columns
        .iter()
        .enumerate()
        .map(|(position, &column)| {
            let mut base = 0;
            let segments = table
                .groups
                .iter()
                .enumerate()
                .filter_map(|(series, group)| {
                    let value = group.subtotals.get(column).copied().unwrap_or(0);
                    if value == 0 {
                        return None;
                    }
                    let (bottom, top) = (y_of(base), y_of(base + value));
                    base += value;
                    let height = round(bottom - top);
                    Some(Segment {
                        series,
                        value,
                        y: top,
                        height,
                        label_y: (height >= LABEL_MIN_HEIGHT).then(|| round((top + bottom) / 2.0)),
                    })
                })
                .collect();
            let x = PLOT_LEFT + position as f64 * slot + slot * (1.0 - BAR_SHARE) / 2.0;
            Bar {
                label: table.columns[column].clone(),
                total: table.totals.get(column).copied().unwrap_or(0),
                x: round(x),
                width: round(slot * BAR_SHARE),
                center: round(PLOT_LEFT + (position as f64 + 0.5) * slot),
                top: y_of(base),
                segments,
            }
        })
        .collect();
    let legend = (0..series.len())
        .rev()
        .enumerate()
        .map(|(row, series)| LegendItem {
            series,
            y: round(LEGEND_TOP + row as f64 * LEGEND_ROW),
        })
        .collect();
    ChartView {
        title: spec.title.value.clone(),
        unit: spec.unit.clone(),
        width: WIDTH,
        height: HEIGHT,
        plot_left: PLOT_LEFT,
        plot_right: PLOT_RIGHT,
        plot_top: PLOT_TOP,
        plot_bottom: PLOT_BOTTOM,
        legend_x: LEGEND_X,
        ticks: (0..=top_value / step)
            .map(|i| Tick {
                value: i * step,
                y: y_of(i * step),
            })
            .collect(),
        bars,
        series,
        legend,
    }
}

/// A round step (1, 2 or 5 times a power of ten) giving about [`TARGET_STEPS`] steps up to `max`.
fn nice_step(max: u64) -> u64 {
    let mut magnitude: u64 = 1;
    loop {
        for factor in [1, 2, 5] {
            let step = magnitude.saturating_mul(factor);
            if step.saturating_mul(TARGET_STEPS) >= max {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// Rounded to a tenth: coordinates print the same on every build.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_cover_the_maximum() {
        for (max, step) in [
            (0, 1),
            (4, 1),
            (7, 2),
            (23, 5),
            (322, 100),
            (480, 100),
            (1001, 500),
        ] {
            assert_eq!(nice_step(max), step, "max {max}");
        }
    }
}
