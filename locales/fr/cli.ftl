# Bilans et rapports de la ligne de commande (main.rs, serve/).

summary-failed = livret : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    } ; { $published ->
        [unchanged] rien n'a été écrit
        [partly] le dossier de sortie est en partie mis à jour : relancez la construction une fois l'erreur corrigée
       *[missing] aucun site n'est publié pour l'instant : la prochaine construction remet le précédent
    }
summary-file = { "  " }{ $path } ({ $bytes } octets)
summary-built = livret : { $pages } pages et { $files } fichiers construits en { $millis } ms{ $warnings ->
        [0] {""}
        [one] , { $warnings } avertissement
       *[other] , { $warnings } avertissements
    } → { $folder }{ $kept ->
        [0] {""}
        [one]  ; { $kept } fichier que livret n'a pas produit a été gardé
       *[other]  ; { $kept } fichiers que livret n'a pas produits ont été gardés
    }{ $in_place ->
        [yes]  ; mis à jour sur place, fichier par fichier (le dossier ne peut pas être échangé : un point de montage ?)
       *[no] {""}
    }
summary-checked = livret : { $pages } pages et { $files } fichiers vérifiés en { $millis } ms{ $warnings ->
        [0] {""}
        [one] , { $warnings } avertissement
       *[other] , { $warnings } avertissements
    }
coverage-none = aucune
coverage-title = Couverture : { $covered } compétences sur { $total } sont validées par au moins une activité.
coverage-uncovered = { "  " }validées par aucune activité : { $codes }
coverage-once = { "  " }validées par une seule activité ({ $count }) : { $codes }
coverage-idle = { "  " }activités qui ne valident aucune compétence : { $activities }
coverage-rule = { "  " }règle de certification ({ $required } compétences sur { $total }, et ses limites par domaine) : { $verdict }.
coverage-rule-met = peut être atteinte en faisant toutes les activités
coverage-rule-unmet = NE PEUT PAS être atteinte en faisant toutes les activités ({ $covered } couvertes ; domaines en défaut : { $domains })

serve-start-failed = impossible de démarrer le serveur : { $error }
serve-built = livret : { $files } fichiers construits en { $millis } ms
serve-listen-failed = impossible d'écouter sur { $address } : { $error }
serve-listen-failed-hint = choisissez un autre port avec --port, ou arrêtez le programme qui utilise celui-ci
serve-watch-failed = impossible de surveiller les sources : { $detail }
serve-watch-failed-hint = essayez --poll
serve-serving = livret : le site est servi sur { $url } (Ctrl-C pour arrêter)
serve-network = livret : à l'écoute sur { $address } — tout ordinateur du réseau peut lire cet aperçu
serve-no-browser = livret : impossible d'ouvrir un navigateur ; ouvrez { $url }
serve-stopped = livret : arrêté ; { $folder } contient la dernière construction correcte
serve-rebuild-crashed = la reconstruction s'est arrêtée de façon inattendue
serve-changed = { $names }{ $more ->
        [0] {""}
        [one] {" "}et { $more } autre
       *[other] {" "}et { $more } autres
    }{ $count ->
        [one] {" "}a changé
       *[other] {" "}ont changé
    }
serve-rebuilt = livret : { $what } → { $pages ->
        [0] feuille de style recompilée
        [one] { $pages } page reconstruite
       *[other] { $pages } pages reconstruites
    } en { $millis } ms
serve-failed = livret : { $what } → { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    } ; le dernier site correct reste servi ({ $millis } ms)
serve-output-stale = livret : { $folder } n'a PAS été mis à jour (l'aperçu, si) ; la prochaine reconstruction l'écrira
serve-stylesheet-missing = la feuille de style manque dans la dernière construction
serve-overlay-title = La reconstruction a échoué : la dernière version correcte reste affichée.
serve-overlay-hide = Masquer
schemas-written = livret : { $count } schémas écrits dans { $folder }
serve-wrong-host = livret serve ne répond qu'aux requêtes qui lui sont adressées (Host : localhost ou son adresse)
serve-not-found = page introuvable
new-not-empty = le dossier { $folder } existe déjà et n'est pas vide
new-not-empty-hint = choisissez un nouveau nom de dossier : livret new ne remplace aucun fichier
new-created = livret : nouveau livret créé dans { $folder } ({ $count } fichiers). Pour le voir : cd { $folder } puis livret serve
