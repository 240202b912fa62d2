# Writing the output folder (output/).

lock-failed = cannot lock { $folder } for writing ({ $lock }): { $error }
lock-failed-hint = check the permissions of the folder that holds the output folder
lock-busy = another livret{ $known ->
        [no] {""}
       *[yes] {" "}(process { $holder })
    } is writing { $folder }: waited { $seconds } s for it to finish
lock-busy-hint = let it finish, or stop it (Ctrl-C in its terminal), then build again; the published site is unchanged. LIVRET_LOCK_WAIT=60 waits up to a minute
write-failed = cannot { $what ->
        [create] create
        [write] write
        [remove] remove
        [move] move into place
       *[read] read
    } { $path }: { $error }
write-failed-hint = check the disk space and the folder's permissions; { $unchanged ->
        [yes] the published site is unchanged
       *[no] then build again
    }
output-refused = refusing to write the site to { $folder }: { $why ->
        [project] it is the project folder or contains it
        [inside] it is inside the project's `{ $dir }/` folder
        [file] it is a file
       *[foreign] it holds files livret did not create
    }
output-refused-hint = choose another folder with --output, e.g. --output public
output-collision = { $folder } holds { $files } that livret did not make, where the site now has { $count ->
        [one] a file
       *[other] files
    } of its own
output-collision-hint = move that file out of the output folder (or delete it), then build again; the published site is unchanged
recover-failed = no site is published at { $folder }: a build was interrupted, and its previous site cannot be put back from { $retired }: { $error }
recover-failed-hint = rename { $retired } to { $folder } by hand
recovered = a build was interrupted while replacing { $folder }: its previous site was put back
recovered-hint = nothing was lost: the folder holds the site it had before that build
swap-failed = cannot move the new site into place ({ $error }), nor put the previous one back: no site is published at { $folder }
swap-failed-hint = the previous site is in { $retired }; the next build puts it back
cannot-remove-old = cannot remove { $folder }, an earlier version of the site: { $error }
cannot-remove-old-hint = the next build tries again; you may also delete that folder yourself
