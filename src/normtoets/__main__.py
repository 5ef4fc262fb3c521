from normtoets.cli import main

main()
