fn main() -> std::process::ExitCode {
    shura::cli::main()
}
