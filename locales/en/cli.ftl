# The command line's summaries and reports (main.rs, serve/).

summary-failed = livret: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }; { $published ->
        [unchanged] nothing was written
        [partly] the output folder is partly updated: build again once this is fixed
       *[missing] no site is published now: the next build puts the previous one back
    }
summary-file = { "  " }{ $path } ({ $bytes } bytes)
summary-built = livret: built { $pages } pages, { $files } files in { $millis } ms{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    } → { $folder }{ $kept ->
        [0] {""}
        [one] ; kept 1 file livret did not make
       *[other] ; kept { $kept } files livret did not make
    }{ $in_place ->
        [yes] ; updated in place, file by file (the folder cannot be swapped: a mount point?)
       *[no] {""}
    }
summary-checked = livret: checked { $pages } pages, { $files } files in { $millis } ms{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
coverage-none = none
coverage-title = Coverage: { $covered } of { $total } competencies are validated by at least one activity.
coverage-uncovered = { "  " }validated by no activity: { $codes }
coverage-once = { "  " }validated by one activity only ({ $count }): { $codes }
coverage-idle = { "  " }activities validating no competency: { $activities }
coverage-rule = { "  " }certification rule ({ $required } of { $total } competencies, and its limits per domain): { $verdict }.
coverage-rule-met = can be met by doing every activity
coverage-rule-unmet = CANNOT be met by doing every activity ({ $covered } covered; domains short: { $domains })

serve-start-failed = cannot start the server: { $error }
serve-built = livret: built { $files } files in { $millis } ms
serve-listen-failed = cannot listen on { $address }: { $error }
serve-listen-failed-hint = choose another port with --port, or stop the program that uses this one
serve-watch-failed = cannot watch the sources: { $detail }
serve-watch-failed-hint = try --poll
serve-serving = livret: serving { $url } (Ctrl-C to stop)
serve-network = livret: listening on { $address } — any computer of the network can read this preview
serve-no-browser = livret: could not open a browser; open { $url }
serve-stopped = livret: stopped; { $folder } holds the last good build
serve-rebuild-crashed = the rebuild stopped unexpectedly
serve-changed = { $names }{ $more ->
        [0] {""}
       *[other] , { $more } more
    } changed
serve-rebuilt = livret: { $what } → { $pages ->
        [0] stylesheet recompiled
        [one] 1 page re-rendered
       *[other] { $pages } pages re-rendered
    } in { $millis } ms
serve-failed = livret: { $what } → { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; the last good site is still served ({ $millis } ms)
serve-output-stale = livret: { $folder } was NOT updated (the preview is); the next rebuild writes it again
serve-stylesheet-missing = the stylesheet is missing from the last build
serve-overlay-title = The rebuild failed: the last good version stays on screen.
serve-overlay-hide = Hide
schemas-written = livret: wrote { $count } schemas to { $folder }
serve-wrong-host = livret serve answers only requests addressed to it (Host: localhost or its address)
serve-not-found = not found
new-not-empty = folder { $folder } already exists and is not empty
new-not-empty-hint = choose a new folder name: livret new replaces no file
new-created = livret: new handbook created in { $folder } ({ $count } files). To see it: cd { $folder }, then livret serve
