# Words and messages shared by every part of livret.

level-error = error
level-warning = warning
level-help = help

io-not-found = the file or folder does not exist
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-busy = the file or folder is in use
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is a file, not a folder
io-other = { $detail }

did-you-mean = did you mean `{ $close }`? { $rest }
