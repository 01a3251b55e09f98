from kamdesk.cli import main

# The guard matters: the mail importer parses in "spawn" worker processes, which import the
# main module again and must not start a second kamdesk.
if __name__ == "__main__":
    raise SystemExit(main())
