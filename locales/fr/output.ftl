# Écriture du dossier de sortie (output/).

lock-failed = impossible de verrouiller { $folder } pour l'écrire ({ $lock }) : { $error }
lock-failed-hint = vérifiez les droits d'accès du dossier qui contient le dossier de sortie
lock-busy = un autre livret{ $known ->
        [no] {""}
       *[yes] {" "}(processus { $holder })
    } écrit dans { $folder } : { $seconds } s d'attente sans qu'il ait fini
lock-busy-hint = laissez-le finir, ou arrêtez-le (Ctrl-C dans son terminal), puis relancez ; le site publié n'a pas changé. LIVRET_LOCK_WAIT=60 attend jusqu'à une minute
write-failed = impossible { $what ->
        [create] de créer
        [write] d'écrire
        [remove] de supprimer
        [move] de mettre en place
       *[read] de lire
    } { $path } : { $error }
write-failed-hint = vérifiez la place sur le disque et les droits d'accès du dossier ; { $unchanged ->
        [yes] le site publié n'a pas changé
       *[no] puis relancez la construction
    }
output-refused = refus d'écrire le site dans { $folder } : { $why ->
        [project] c'est le dossier du projet, ou il le contient
        [inside] il est dans le dossier `{ $dir }/` du projet
        [file] c'est un fichier
       *[foreign] il contient des fichiers que livret n'a pas créés
    }
output-refused-hint = choisissez un autre dossier avec --output, par exemple --output public
output-collision = { $folder } contient { $files }, que livret n'a pas produit, à la place { $count ->
        [one] d'un fichier
       *[other] de fichiers
    } du site
output-collision-hint = sortez ce fichier du dossier de sortie (ou supprimez-le), puis relancez ; le site publié n'a pas changé
recover-failed = aucun site n'est publié dans { $folder } : une construction a été interrompue, et son site précédent ne peut pas être remis depuis { $retired } : { $error }
recover-failed-hint = renommez vous-même { $retired } en { $folder }
recovered = une construction a été interrompue pendant qu'elle remplaçait { $folder } : son site précédent a été remis
recovered-hint = rien n'est perdu : le dossier contient le site qu'il avait avant cette construction
swap-failed = impossible de mettre le nouveau site en place ({ $error }), ni de remettre le précédent : aucun site n'est publié dans { $folder }
swap-failed-hint = le site précédent est dans { $retired } ; la prochaine construction le remet en place
cannot-remove-old = impossible de supprimer { $folder }, une version antérieure du site : { $error }
cannot-remove-old-hint = la prochaine construction réessaiera ; vous pouvez aussi supprimer ce dossier vous-même
