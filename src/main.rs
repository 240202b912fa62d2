//! The `livret` command line: parses arguments, runs a command, prints diagnostics and decides
//! the exit code (0 success, 1 content errors, 2 usage errors). Everything else lives in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use livret::build::{self, Failure, Report};
use livret::catalogue::Lang;
use livret::coverage::Coverage;
use livret::diagnostic::Diagnostics;
use livret::msg;
use livret::output::SiteState;
use livret::schema::SCHEMAS_DIR;

/// mimalloc rather than the system's allocator: a build makes millions of small strings (tags,
/// attributes, words), and glibc's malloc and free cost a tenth of its instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Create a small handbook to start from in a new folder: settings, référentiel, two
    /// activities with their fiche models, a home page and a guidance page, commented.
    New {
        /// The folder to create (it must not exist, or be empty).
        dir: PathBuf,
        /// The handbook's language [default: the reader's: LIVRET_LANG, then LANG].
        #[arg(long, value_enum)]
        lang: Option<NewLang>,
    },
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
    /// Write the JSON Schemas of the content files, for editors that check YAML as you type
    /// (VS Code or VSCodium with the YAML extension).
    Schema {
        /// Where to write them [default: <root>/schemas]
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Load and validate the content, templates and theme without writing anything.
    Check {
        /// Treat warnings (e.g. a competency no activity covers) as errors, for a content repository's CI.
        #[arg(long)]
        deny_warnings: bool,
    },
}

/// The languages `livret new` writes a handbook in.
#[derive(Clone, Copy, clap::ValueEnum)]
enum NewLang {
    Fr,
    En,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color();
    let lang = Lang::choose(livret::load::handbook_language(&cli.root).as_deref());
    let result = match &cli.command {
        Command::New { dir, lang: chosen } => {
            let handbook = match chosen {
                Some(NewLang::Fr) => Lang::Fr,
                Some(NewLang::En) => Lang::En,
                None => lang,
            };
            return new_handbook(dir, handbook, lang, color);
        }
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
                lang,
            };
            // `serve` reports its own builds; only a startup failure comes back.
            return match livret::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(failure) => {
                    print_diagnostics(&failure.problems, lang, color);
                    exit_code(&failure)
                }
            };
        }
        Command::Schema { output } => {
            let dir = output
                .clone()
                .unwrap_or_else(|| build::in_project(&cli.root, SCHEMAS_DIR));
            let files = livret::schema::files(lang);
            return match livret::output::write_files(&dir, &files) {
                Ok(()) => {
                    let done = msg!("schemas-written", count = files.len(), folder = &dir);
                    println!("{}", done.text(lang));
                    ExitCode::SUCCESS
                }
                Err(problem) => {
                    print_diagnostics(&problem.into(), lang, color);
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
            print_diagnostics(&report.warnings, lang, color);
            if output.is_none() {
                print_coverage(&report.coverage, lang);
            }
            print_summary(&report, output, cli.verbose, lang);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let problems = &failure.problems;
            print_diagnostics(problems, lang, color);
            let published = match failure.site {
                SiteState::Unchanged => "unchanged",
                SiteState::PartlyUpdated => "partly",
                SiteState::Missing => "missing",
            };
            let summary = msg!(
                "summary-failed",
                errors = problems.error_count(),
                warnings = problems.warning_count(),
                published = published
            );
            eprintln!("{}", summary.text(lang));
            exit_code(&failure)
        }
    }
}

/// `livret new`: writes the starter handbook into `dir`, which must not hold anything yet.
fn new_handbook(dir: &std::path::Path, handbook: Lang, lang: Lang, color: bool) -> ExitCode {
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied || dir.is_file() {
        let problem = livret::diagnostic::Diagnostic::error(msg!("new-not-empty", folder = dir))
            .hint(msg!("new-not-empty-hint"));
        print_diagnostics(&problem.into(), lang, color);
        return ExitCode::from(2);
    }
    let files = livret::scaffold::files(handbook);
    match livret::output::write_files(dir, &files) {
        Ok(()) => {
            let done = msg!("new-created", count = files.len(), folder = dir);
            println!("{}", done.text(lang));
            ExitCode::SUCCESS
        }
        Err(problem) => {
            print_diagnostics(&problem.into(), lang, color);
            ExitCode::from(1)
        }
    }
}

/// 2 for a usage error (a refused `--output`), 1 for problems in the content.
fn exit_code(failure: &Failure) -> ExitCode {
    ExitCode::from(if failure.usage { 2 } else { 1 })
}

fn print_diagnostics(problems: &Diagnostics, lang: Lang, color: bool) {
    for problem in problems.iter() {
        eprintln!("{}\n", problem.render(lang, color));
    }
}

/// What the activity → competency mapping covers, for trainers (`livret check`).
fn print_coverage(coverage: &Coverage, lang: Lang) {
    let list = |items: Vec<String>| {
        if items.is_empty() {
            msg!("coverage-none").text(lang)
        } else {
            items.join(", ")
        }
    };
    let once: Vec<String> = coverage
        .covered_once
        .iter()
        .map(|c| format!("{} ({})", c.code, c.activity))
        .collect();
    let mut short = coverage.domains_over_limit();
    short.extend(coverage.domains_below_minimum());
    let verdict = if coverage.rule_reachable {
        msg!("coverage-rule-met")
    } else {
        msg!(
            "coverage-rule-unmet",
            covered = coverage.covered,
            domains = list(short)
        )
    };
    let lines = [
        msg!(
            "coverage-title",
            covered = coverage.covered,
            total = coverage.total
        ),
        msg!(
            "coverage-uncovered",
            codes = list(coverage.uncovered.clone())
        ),
        msg!(
            "coverage-once",
            count = coverage.covered_once.len(),
            codes = list(once)
        ),
        msg!(
            "coverage-idle",
            activities = list(coverage.without_competency.clone())
        ),
        msg!(
            "coverage-rule",
            required = coverage.required_total,
            total = coverage.total,
            verdict = verdict
        ),
    ];
    for line in lines {
        println!("{}", line.text(lang));
    }
}

fn print_summary(report: &Report, output: Option<PathBuf>, verbose: bool, lang: Lang) {
    if verbose {
        for (path, bytes) in report.listing() {
            let line = msg!("summary-file", path = path, bytes = bytes);
            println!("{}", line.text(lang));
        }
    }
    let millis = report.elapsed.as_millis() as u64;
    let summary = match output {
        Some(output) => msg!(
            "summary-built",
            pages = report.pages,
            files = report.files,
            millis = millis,
            warnings = report.warnings.warning_count(),
            folder = &output,
            kept = report.kept,
            in_place = if report.in_place { "yes" } else { "no" }
        ),
        None => msg!(
            "summary-checked",
            pages = report.pages,
            files = report.files,
            millis = millis,
            warnings = report.warnings.warning_count()
        ),
    };
    println!("{}", summary.text(lang));
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
fn use_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
