from normtoets.cli import main

if __name__ == "__main__":  # not when a worker process (report --each) imports it
    main()
