# Production du site, des documents et des exports (render/).

source-date-epoch-invalid = SOURCE_DATE_EPOCH vaut `{ $epoch }`, ce qui n'est pas un nombre de secondes depuis 1970
source-date-epoch-invalid-hint = donnez-lui un nombre entier de secondes (par exemple `git log -1 --format=%ct`), ou supprimez-la et ajoutez un `date:` au référentiel
date-missing = le référentiel n'a pas de `date:` : l'export CASE est laissé de côté
date-missing-hint = ajoutez la date de publication de cette version en haut du référentiel, par exemple `date: "2011-02-03"` (un paquet CASE doit dire quand le référentiel a changé pour la dernière fois, et livret n'utilise jamais l'horloge)
text-out-of-fuel = le code {"{% %}"} du texte fait trop de travail (plus de { $steps } étapes)
text-out-of-fuel-hint = un texte affiche quelques valeurs ; une boucle sur des milliers d'éléments n'y a pas sa place
text-value-error = erreur de valeur dans le texte : { $problem }
text-value-error-hint = un texte peut afficher des valeurs comme {"{{ site.certification.required_total }}"} ou {"{{ referentiel.competency_count }}"} ; voir docs/content-format.md
template-missing = le modèle (template) `{ $name }` est absent
template-missing-hint = livret a besoin de ces modèles : { $names }
template-error = erreur de modèle (template) : { $problem }
template-undefined-hint = une variable ou un attribut utilisé par ce modèle n'existe pas ; docs/templates.md dit ce que reçoit chaque modèle
template-not-found-hint = le modèle manque dans templates/ (le modèle par défaut a peut-être été renommé)
template-out-of-fuel-hint = le modèle fait trop de travail pour une page (une boucle sur un intervalle immense ?) : un rendu s'arrête après { $steps } étapes
template-error-hint = corrigez le modèle ; le dernier site correct est conservé
print-rewrite-error = la page { $path } ne peut pas être ajoutée à la version imprimable : { $detail }
document-name-taken = deux documents porteraient le nom `{ $slug }`
document-name-taken-hint = c'est le nom de la fiche de suivi : donnez un autre identifiant (slug) à l'activité
document-write-error = impossible d'écrire { $path } : { $detail }
markdown-link-missing = lien vers une page absente : `{ $link }`
markdown-link-missing-label = mène à { $resolved }, qui n'existe pas
markdown-link-close-hint = vouliez-vous écrire `{ $close }` ? Les liens partent du dossier du fichier où ils sont écrits.
markdown-link-missing-hint = faites le lien vers une page (.md) ou une activité (.yaml) de content/, à partir du dossier de ce fichier
sass-error = erreur Sass : { $detail }
sass-error-hint = corrigez la feuille de style ; le dernier site correct est conservé
sass-entry-hint = theme/style.scss est le point d'entrée de la feuille de style
export-write-error = impossible d'écrire l'export { $export } : { $detail }
moodle-scale-invalid = le niveau `{ $level }` ne peut pas figurer dans l'échelle Moodle : son titre est vide ou contient une virgule
moodle-scale-invalid-hint = Moodle sépare les éléments de l'échelle par des virgules : écrivez le titre sans virgule
moodle-item = { $level ->
        [framework] le référentiel
        [group] le groupe
        [domain] le domaine
       *[competency] la compétence
    } `{ $code }`
moodle-framework-unnamed = le référentiel
moodle-item-titled = { $level ->
        [group] le groupe
        [domain] le domaine
       *[competency] la compétence
    } « { $title } »
moodle-refused = export Moodle refusé : { $reason }
moodle-no-idnumber = { $what } n'a pas de numéro d'identification (code)
moodle-no-idnumber-hint = Moodle ignore sans rien dire une compétence sans numéro d'identification, avec tout ce qu'elle contient : donnez-lui un `code:`
moodle-idnumber-too-long = le numéro d'identification de { $what } fait { $length } caractères, plus que les { $max } de Moodle
moodle-idnumber-too-long-hint = Moodle coupe les numéros d'identification à { $max } caractères à l'import, ce qui change celui-ci et détache tout ce qui est dessous : raccourcissez le code
moodle-idnumber-comma = le numéro d'identification de { $what } contient une virgule
moodle-idnumber-comma-hint = Moodle lit les numéros d'identification en référence comme une liste séparée par des virgules : utilisez un autre séparateur, par exemple un point
moodle-idnumber-markup = le numéro d'identification de { $what } contient `{ $tag }`
moodle-idnumber-markup-hint = Moodle retire les balises HTML des numéros d'identification à l'import, ce qui changerait celui-ci : enlevez le `<`
moodle-shortname-empty = { $what } a un nom abrégé vide
moodle-shortname-empty-hint = Moodle ignore sans rien dire une compétence sans nom abrégé, avec tout ce qu'elle contient : écrivez son texte ou son titre
moodle-shortname-too-long = le nom de { $what } fait { $length } caractères, plus que les { $max } de Moodle pour un nom abrégé
moodle-shortname-too-long-hint = Moodle coupe les noms abrégés à { $max } caractères à l'import : raccourcissez `name` (le titre complet peut aller dans `reference`)
moodle-shortname-markup = le nom abrégé de { $what } contient `{ $tag }`
moodle-shortname-markup-hint = Moodle retire les balises HTML des noms abrégés à l'import, ce qui changerait ce texte : écrivez `<` suivi d'une espace, ou reformulez
moodle-framework-idnumber-taken = le numéro d'identification du référentiel, `{ $idnumber }`, est aussi le code de { $what }
moodle-framework-idnumber-taken-hint = le numéro d'identification du référentiel vient de `short_name` (ou `name`) et de `version` ; une compétence avec le même numéro rend les références de Moodle ambiguës : changez `short_name` ou le code
moodle-same-as = le même que { $what }
engine-undefined = `{ $name }` n'existe pas
engine-undefined-value = une valeur utilisée ici n'existe pas
engine-syntax = erreur de syntaxe : { $detail }
engine-out-of-fuel = trop de travail (une boucle sur un intervalle immense ?)
engine-not-found = un modèle manque : { $detail }
engine-other = { $detail } ({ $kind })
