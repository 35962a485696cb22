from lawgov_gen.cli import main

main()
