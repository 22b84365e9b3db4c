fn main() -> std::process::ExitCode {
    // The commands, and with none the interactive program.
    shura::cli::main(shura::tui::run)
}
