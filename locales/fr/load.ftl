# Lecture des fichiers du projet (load/).

no-content-folder = pas de dossier `{ $folder }/` dans { $root }
no-content-folder-hint = lancez livret dans le dossier d'un livret, ou indiquez ce dossier avec --root DOSSIER
file-too-large = fichier trop gros (plus de { $cap } octets)
file-too-large-hint = un fichier de livret fait quelques kilo-octets : découpez-le, ou vérifiez que c'est le bon fichier
folder-unreadable = impossible de lire le dossier : { $error }
folder-unreadable-hint = vérifiez les droits d'accès du dossier
file-unreadable = impossible de lire le fichier : { $error }
file-unreadable-hint = vérifiez les droits d'accès du fichier
file-missing-hint = créez ce fichier (voir docs/content-format.md)
path-leaves-folder = le chemin { $path } sort de son dossier
link-outside = { $link } est un lien vers { $target }, hors du projet : livret ne le suit pas
link-outside-hint = copiez le fichier dans le projet au lieu d'y faire un lien
link-loops = { $link } est un lien symbolique qui tourne en rond (par { $target })
link-loops-hint = remplacez le lien par le fichier vers lequel il devrait mener, ou supprimez-le
link-dangling = { $link } est un lien vers { $target }, qui n'existe pas
link-dangling-hint = remettez le fichier vers lequel il mène, ou supprimez le lien
link-loops-folder = { $link } est un lien symbolique qui tourne en rond (il mène à un dossier qui le contient)
link-loops-folder-hint = remplacez le lien par le dossier vers lequel il devrait mener, ou supprimez-le
not-a-file = ce n'est pas un fichier ordinaire : c'est { $kind ->
        [folder] un dossier
        [pipe] un tube nommé
        [socket] une socket
        [device] un périphérique
       *[other] autre chose qu'un fichier
    }
not-a-file-hint = livret lit le contenu dans des fichiers ordinaires : remplacez-le par un fichier enregistré avec un éditeur
not-utf8 = le fichier n'est pas en UTF-8
not-utf8-label = octet invalide ici
not-utf8-hint = enregistrez le fichier en UTF-8 dans votre éditeur (Enregistrer sous… → Encodage : UTF-8)
front-matter-unclosed = l'en-tête de la page n'est jamais fermé
front-matter-unclosed-hint = terminez l'en-tête par une ligne qui ne contient que ---, avant le texte en Markdown
front-matter-missing = la page n'a pas d'en-tête
front-matter-missing-hint = commencez le fichier par un bloc comme `---`, `title: Le titre`, `order: 1`, `---` (un par ligne)
referentiel-groups-and-domains = le référentiel a à la fois `groups` et `domains` au premier niveau
referentiel-no-domains-key = le référentiel n'a ni `groups` ni `domains`
referentiel-domains-hint = listez les domaines sous `domains:`, ou sous chaque groupe de `groups:` — l'un ou l'autre
