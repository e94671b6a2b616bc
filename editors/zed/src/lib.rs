//! Zed extension for zan: starts `zan lsp` from the user's PATH.
use zed_extension_api as zed;

struct ZanExtension;

impl zed::Extension for ZanExtension {
    fn new() -> Self {
        ZanExtension
    }

    fn language_server_command(
        &mut self,
        _id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree.which("zan").ok_or_else(|| {
            "`zan` is not on PATH; install it (cargo install --path .)".to_string()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(ZanExtension);
