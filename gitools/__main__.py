from gitools.cli import main

raise SystemExit(main())
