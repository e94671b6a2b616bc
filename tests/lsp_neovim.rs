//! A real editor against the real server: headless Neovim with the plugin in
//! editors/neovim attaches `zan lsp`, gets diagnostics after an edit, hovers,
//! jumps to a definition in another file, runs the code lenses' commands and
//! the drafting code actions (propose a change, update the amendment), and
//! imports an official text with `:ZanImport`. Uses
//! `$NVIM`, else `nvim` on PATH; without either the test says so and passes (tests/all.sh installs
//! both Neovim 0.11 and Debian's).

use std::path::Path;
use std::process::Command;

#[test]
fn neovim_drives_the_server() {
    let nvim = std::env::var("NVIM").unwrap_or_else(|_| "nvim".into());
    // Neovim runs in a temporary directory, where a relative path names nothing.
    let nvim = std::fs::canonicalize(&nvim).map_or(nvim, |p| p.display().to_string());
    if Command::new(&nvim).arg("--version").output().is_err() {
        eprintln!("skipped: no Neovim ({nvim})");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    for name in ["a.zan", "b.zan"] {
        std::fs::copy(root.join("tests/fixtures/lsp/ws").join(name), tmp.path().join(name)).unwrap();
    }
    // The plugin's root marker.
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    let result = tmp.path().join("result.txt");
    let status = Command::new(&nvim)
        .args(["--headless", "--clean", "--cmd"])
        .arg(format!("set runtimepath^={}", root.join("editors/neovim").display()))
        .arg("-c")
        .arg(format!("luafile {}", root.join("editors/neovim/test/lsp_server.lua").display()))
        .env("ZAN_BIN", env!("CARGO_BIN_EXE_zan"))
        .env("ZAN_FILE", tmp.path().join("b.zan"))
        .env("ZAN_RESULT", &result)
        .env("ZAN_IMPORT", root.join("tests/import"))
        .current_dir(tmp.path())
        .status()
        .unwrap();
    assert!(status.success());
    let report = std::fs::read_to_string(&result).unwrap();
    assert_eq!(
        report,
        "attached true\n\
         diagnostic true 1:2-1:7 syntax error: unexpected `bogus`\n\
         diagnostic true 12:7-12:16 «sixteen» is quoted from the `summary` text of `article 15 part 1` in `en`: the words cannot be verified against the law\n\
         hover **Article 15(1) (kz.cc)**\n\
         definition true a.zan 5:2\n\
         lens Redline zan.showRedline\n\
         lens 1 comparative provision zan.showComparisons\n\
         redline true # kz.cc.age-14\n\
         comparison b.zan:3\n\
         action Propose a change to this unit zan.proposeChange \n\
         copy true part 1 {\n\
         action Update the amendment from the edited copy zan.updateAmendment kz.cc.age-14\n\
         updated true en \"sixteen\" -> \"fifteen\"\n\
         import true act kz.sample { … } (119 lines)\n\
         finding act-kk.txt:40 warning[import-numbering-gap]: article 5 follows article 3 (at act-kk.txt:31): no article 4\n\
         finding act-kk.txt:44 warning[import-one-language]: article 6 is in kk only, not in ru (chapter 2 is at act-ru.txt:29)\n\
         finding act-ru.txt:40 warning[import-numbering-gap]: article 5 follows article 3 (at act-ru.txt:31): no article 4\n\
         notice zan: imported: every line is in the result\n"
    );
}
