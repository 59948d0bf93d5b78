from ganjina.cli.main import main

main()
