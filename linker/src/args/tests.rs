//! Unit tests of the command line parser.

use super::*;

fn p(args: &[&str]) -> Result<Config> {
    parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

#[test]
fn rustc_command_line() {
    let c = p(&[
        "-flavor", "wasm", "--export", "__main_void", "-z", "stack-size=1048576", "--stack-first",
        "--allow-undefined", "--no-demangle", "a.o", "lib.rlib", "-l", "c", "-o", "x.wasm", "--gc-sections", "-O3",
    ])
    .expect("parses");
    assert_eq!(c.exports, vec!["__main_void"]);
    assert_eq!(c.stack_size, 1048576);
    assert!(c.stack_first && c.gc_sections && !c.demangle);
    assert_eq!(c.unresolved, Unresolved::ImportFunctions);
    assert_eq!(c.output, PathBuf::from("x.wasm"));
    assert_eq!(c.opt_level, 3);
    assert_eq!(c.inputs.len(), 3);
    assert_eq!(c.inputs[2].kind, InputKind::Lib("c".into()));
}

#[test]
fn clang_command_line() {
    let c = p(&["-m", "wasm32", "-L/usr/lib/wasm32-wasi", "crt1.o", "x.o", "-lc", "rt.a", "-o", "a.out"])
        .expect("parses");
    assert_eq!(c.lib_paths, vec![PathBuf::from("/usr/lib/wasm32-wasi")]);
    assert_eq!(c.inputs[2].kind, InputKind::Lib("c".into()));
}

#[test]
fn forms_and_whole_archive() {
    let c = p(&[
        "--export=a", "-export", "b", "--whole-archive", "x.a", "--no-whole-archive", "y.a", "-e", "go",
        "--initial-memory=0x20000", "--lto-O2", "-mllvm", "-foo", "--threads=2", "--export-memory=mem",
    ])
    .expect("parses");
    assert_eq!(c.exports, vec!["a", "b"]);
    assert!(c.inputs[0].whole_archive && !c.inputs[1].whole_archive);
    assert_eq!(c.entry.as_deref(), Some("go"));
    assert_eq!(c.initial_memory, Some(0x20000));
    assert_eq!(c.threads, Some(2));
    assert_eq!(c.export_memory.as_deref(), Some("mem"));
}

#[test]
fn response_file() {
    let dir = std::env::temp_dir().join(format!("wasip1-ld-rsp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let rsp = dir.join("args.rsp");
    std::fs::write(&rsp, "--export \"with space\" 'q.o'\n-o out.wasm\n").expect("write");
    let c = p(&[&format!("@{}", rsp.display())]).expect("parses");
    assert_eq!(c.exports, vec!["with space"]);
    assert_eq!(c.output, PathBuf::from("out.wasm"));
    assert_eq!(c.inputs[0].kind, InputKind::Path("q.o".into()));
}

#[test]
fn errors() {
    assert!(p(&["-é"]).is_err());
    assert_eq!(p(&["--bogus"]).unwrap_err().to_string(), "unknown argument: --bogus");
    assert!(p(&["-o"]).unwrap_err().to_string().contains("missing argument"));
    assert!(p(&["--shared"]).unwrap_err().to_string().contains("unsupported option"));
    assert!(p(&["-m", "wasm64"]).is_err());
    assert_eq!(p(&["-z", "bogus"]).expect("warning only").warnings.len(), 1);
}

#[test]
fn single_dash_long_options_and_levels() {
    let c = p(&[
        "-flavor", "wasm", "-export", "a", "-export=b", "-entry", "go", "-O", "2", "--lto-O3", "-lto-O1", "-Map", "m.txt",
        "-zstack-size=4096", "x.o",
    ])
    .expect("parses");
    assert_eq!(c.exports, vec!["a", "b"]);
    assert_eq!(c.entry.as_deref(), Some("go"));
    assert_eq!(c.opt_level, 2);
    assert_eq!(c.map_file, Some(PathBuf::from("m.txt")));
    assert_eq!(c.stack_size, 4096);
    assert_eq!(c.inputs.len(), 1);
    assert_eq!(p(&["-O3"]).expect("parses").opt_level, 3);
    assert_eq!(p(&["-O0"]).expect("parses").opt_level, 0);
}

#[test]
fn last_one_wins() {
    let c = p(&["--no-entry", "--entry", "s", "--no-gc-sections", "--gc-sections", "-o", "a", "-o", "b"]).expect("parses");
    assert_eq!(c.entry.as_deref(), Some("s"));
    assert!(c.explicit_entry && c.gc_sections);
    assert_eq!(c.output, PathBuf::from("b"));
    let c = p(&["--entry", "s", "--no-entry", "--allow-undefined", "--unresolved-symbols=ignore-all"]).expect("parses");
    assert_eq!(c.entry, None);
    assert_eq!(c.unresolved, Unresolved::IgnoreAll);
    let c = p(&["--unresolved-symbols", "report-all", "--allow-undefined", "--no-check-features"]).expect("parses");
    assert_eq!(c.unresolved, Unresolved::ImportFunctions);
    assert!(!c.check_features);
}

#[test]
fn optional_values() {
    let c = p(&["--export-memory", "--import-memory=m,n", "x.o"]).expect("parses");
    assert_eq!(c.export_memory.as_deref(), Some("memory"));
    assert!(c.explicit_export_memory);
    assert_eq!(c.import_memory, Some(("m".into(), "n".into())));
    assert_eq!(c.inputs.len(), 1);
    let c = p(&["--import-memory", "--color-diagnostics=always", "--build-id"]).expect("parses");
    assert_eq!(c.import_memory, Some(("env".into(), "memory".into())));
}

#[test]
fn positions_of_inputs_and_host_options() {
    let c = p(&[
        "-L", "/l", "a.o", "--whole-archive", "-lfoo", "-l", "bar", "--no-whole-archive", "--library=baz", "b.o",
        "--sysroot=/s", "-Lx", "--library", "q",
    ])
    .expect("parses");
    let got: Vec<_> = c.inputs.iter().map(|i| (i.kind.clone(), i.whole_archive, i.args_at)).collect();
    assert_eq!(
        got,
        vec![
            (InputKind::Path("a.o".into()), false, (2, 1)),
            (InputKind::Lib("foo".into()), true, (4, 1)),
            (InputKind::Lib("bar".into()), true, (5, 2)),
            (InputKind::Lib("baz".into()), false, (8, 1)),
            (InputKind::Path("b.o".into()), false, (9, 1)),
            (InputKind::Lib("q".into()), false, (12, 2)),
        ]
    );
    assert_eq!(c.host_only_args, vec![(0, 2), (10, 1), (11, 1)]);
    assert_eq!(c.lib_paths, vec![PathBuf::from("/l"), PathBuf::from("x")]);
}

#[test]
fn help_version_and_error_messages() {
    assert!(p(&["--help"]).expect("parses").help);
    assert!(p(&["-help"]).expect("parses").help);
    assert!(p(&["--version"]).expect("parses").version);
    assert_eq!(p(&["--no-entry=x"]).unwrap_err().to_string(), "unknown argument: --no-entry=x");
    assert_eq!(p(&["-bogus"]).unwrap_err().to_string(), "unknown argument: -bogus");
    assert!(p(&["--export"]).unwrap_err().to_string().contains("missing argument"));
    assert!(p(&["--pie"]).unwrap_err().to_string().contains("unsupported option"));
    assert!(p(&["-O", "x"]).unwrap_err().to_string().contains("invalid optimization level"));
}
