# Reading the project's files (load/).

no-content-folder = no `{ $folder }/` folder in { $root }
no-content-folder-hint = run livret in a handbook project, or pass its folder with --root DIR
file-too-large = file too large (more than { $cap } bytes)
file-too-large-hint = a handbook file is a few kilobytes: split it, or check that this is the right file
folder-unreadable = cannot read the folder: { $error }
folder-unreadable-hint = check the folder's permissions
file-unreadable = cannot read file: { $error }
file-unreadable-hint = check the file's permissions
file-missing-hint = create this file (see docs/content-format.md)
path-leaves-folder = the path { $path } leaves its folder
link-outside = { $link } is a link to { $target }, outside the project: livret does not follow it
link-outside-hint = copy the file into the project instead of linking to it
link-loops = { $link } is a symbolic link that loops (through { $target })
link-loops-hint = replace the link by the file it should lead to, or delete it
link-dangling = { $link } is a link to { $target }, which does not exist
link-dangling-hint = restore the file it leads to, or delete the link
link-loops-folder = { $link } is a symbolic link that loops (it leads to a folder that contains it)
link-loops-folder-hint = replace the link by the folder it should lead to, or delete it
not-a-file = not an ordinary file: it is { $kind ->
        [folder] a folder
        [pipe] a named pipe
        [socket] a socket
        [device] a device
       *[other] not a file
    }
not-a-file-hint = livret reads content from ordinary files: replace it by a file saved by an editor
not-utf8 = the file is not valid UTF-8
not-utf8-label = invalid byte here
not-utf8-hint = save the file as UTF-8 in your editor (Save as… → Encoding: UTF-8)
front-matter-unclosed = the front matter is never closed
front-matter-unclosed-hint = end the front matter with a line holding only ---, before the Markdown
front-matter-missing = the page has no front matter
front-matter-missing-hint = start the file with a block like `---`, `title: The title`, `order: 1`, `---` (one per line)
referentiel-groups-and-domains = the référentiel has both `groups` and `domains` at the top
referentiel-no-domains-key = the référentiel has neither `groups` nor `domains`
referentiel-domains-hint = list the domains under `domains:`, or under each group of `groups:` — one of the two
