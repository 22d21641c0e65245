"""The command line: the typer app, its shared options and one module per group of commands."""
