# Mots et messages communs à toutes les parties de livret. Les niveaux finissent par une espace
# fine insécable : le « : » qui les suit est écrit par le code.

level-error = erreur 
level-warning = avertissement 
level-help = aide 

io-not-found = le fichier ou le dossier n'existe pas
io-permission-denied = accès refusé
io-already-exists = il existe déjà
io-storage-full = le disque est plein
io-read-only = le disque est en lecture seule
io-busy = le fichier ou le dossier est en cours d'utilisation
io-is-a-directory = c'est un dossier, pas un fichier
io-not-a-directory = une partie du chemin est un fichier, pas un dossier
io-other = { $detail }

did-you-mean = vouliez-vous écrire `{ $close }` ? { $rest }
