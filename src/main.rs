//! The `livret` command line: parses arguments, runs a command, prints diagnostics and decides
//! the exit code (0 success, 1 content errors, 2 usage errors). Everything else lives in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use livret::build::{self, Failure, Report};
use livret::coverage::Coverage;
use livret::diagnostic::Diagnostics;
use livret::output::SiteState;

/// Publish a competency-certification handbook (référentiel, activities, guidance) as a static site.
#[derive(Parser)]
#[command(name = "livret", version, about, long_about = None)]
struct Cli {
    /// The handbook project folder (the one holding content/).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Print details: every warning in full and every file written.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced whole, only when the build succeeds).
    Build {
        /// Where to write the site [default: <root>/public]
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Build, serve the site on this computer, and rebuild and reload the browser on every change.
    Serve {
        /// Where to write the site [default: <root>/public]
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; only this computer by default. Another address (e.g. 0.0.0.0)
        /// lets the network read the preview.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Scan the folders for changes instead of relying on system events (network drives,
        /// some virtual machines).
        #[arg(long)]
        poll: bool,
    },
    /// Load and validate the content, templates and theme without writing anything.
    Check {
        /// Treat warnings (e.g. a competency no activity covers) as errors, for a content repository's CI.
        #[arg(long)]
        deny_warnings: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color();
    let result = match &cli.command {
        Command::Build { output } => {
            let output = build::default_output(&cli.root, output.clone());
            build::build(&cli.root, &output).map(|report| (report, Some(output)))
        }
        Command::Serve {
            output,
            port,
            bind,
            open,
            poll,
        } => {
            let options = livret::serve::Options {
                output: build::default_output(&cli.root, output.clone()),
                root: cli.root.clone(),
                bind: *bind,
                port: *port,
                open: *open,
                poll: *poll,
                color,
            };
            // `serve` reports its own builds; only a startup failure comes back.
            return match livret::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(problems) => {
                    print_diagnostics(&problems, color);
                    ExitCode::from(1)
                }
            };
        }
        Command::Check { deny_warnings } => build::check(&cli.root)
            .and_then(|mut report| {
                if *deny_warnings && !report.warnings.is_empty() {
                    report.warnings.deny_warnings();
                    Err(report.warnings)
                } else {
                    Ok((report, None))
                }
            })
            .map_err(Failure::from),
    };
    match result {
        Ok((report, output)) => {
            print_diagnostics(&report.warnings, color);
            if output.is_none() {
                print_coverage(&report.coverage);
            }
            print_summary(&report, output, cli.verbose);
            ExitCode::SUCCESS
        }
        Err(Failure { problems, site }) => {
            print_diagnostics(&problems, color);
            let published = match site {
                SiteState::Unchanged => "nothing was written",
                SiteState::PartlyUpdated => {
                    "the output folder is partly updated: build again once this is fixed"
                }
                SiteState::Missing => {
                    "no site is published now: the next build puts the previous one back"
                }
            };
            eprintln!(
                "livret: {} error(s), {} warning(s); {published}",
                problems.error_count(),
                problems.warning_count()
            );
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(problems: &Diagnostics, color: bool) {
    for problem in problems.iter() {
        eprintln!("{}\n", problem.render(color));
    }
}

/// What the activity → competency mapping covers, for trainers (`livret check`).
fn print_coverage(coverage: &Coverage) {
    let none_or = |items: Vec<String>| {
        if items.is_empty() {
            "none".to_owned()
        } else {
            items.join(", ")
        }
    };
    println!(
        "Coverage: {} of {} competencies are validated by at least one activity.",
        coverage.covered, coverage.total
    );
    println!(
        "  validated by no activity: {}",
        none_or(coverage.uncovered.clone())
    );
    let once = coverage
        .covered_once
        .iter()
        .map(|c| format!("{} ({})", c.code, c.activity));
    println!(
        "  validated by one activity only ({}): {}",
        coverage.covered_once.len(),
        none_or(once.collect())
    );
    println!(
        "  activities validating no competency: {}",
        none_or(coverage.without_competency.clone())
    );
    let verdict = if coverage.rule_reachable {
        "can be met by doing every activity".to_owned()
    } else {
        let over: Vec<String> = coverage
            .domains
            .iter()
            .filter(|d| d.over_limit)
            .map(|d| format!("domain {}: {} never validated", d.code, d.uncovered))
            .collect();
        format!(
            "CANNOT be met by doing every activity ({} covered; {})",
            coverage.covered,
            none_or(over)
        )
    };
    println!(
        "  certification rule ({} competencies, at most {} non-validated per domain): {verdict}.",
        coverage.required_total, coverage.max_missing_per_domain
    );
}

fn print_summary(report: &Report, output: Option<PathBuf>, verbose: bool) {
    if verbose {
        for file in &report.output {
            println!("  {} ({} bytes)", file.path, file.bytes.len());
        }
    }
    let millis = report.elapsed.as_millis();
    let warnings = match report.warnings.warning_count() {
        0 => String::new(),
        n => format!(", {n} warning(s)"),
    };
    let mut notes = String::new();
    if report.kept > 0 {
        notes.push_str(&format!(
            "; kept {} file(s) livret did not make",
            report.kept
        ));
    }
    if report.in_place {
        notes.push_str(
            "; updated in place, file by file (the folder cannot be swapped: a mount point?)",
        );
    }
    match output {
        Some(output) => println!(
            "livret: built {} pages, {} files in {millis} ms{warnings} → {}{notes}",
            report.pages,
            report.files,
            output.display()
        ),
        None => println!(
            "livret: checked {} pages, {} files in {millis} ms{warnings}",
            report.pages, report.files
        ),
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
fn use_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
