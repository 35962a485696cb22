from lawgov_gen.cli import console

console()
