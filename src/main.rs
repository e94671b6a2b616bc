use std::process::ExitCode;

fn main() -> ExitCode {
    zan::cli::main()
}
