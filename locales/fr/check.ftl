# Vérifications croisées (check/).

duplicate = { $what ->
        [group] code de groupe
        [domain] code de domaine
        [competency] code de compétence
        [slug] identifiant d'activité (slug)
        [level] code de niveau
       *[listed-code] code de compétence
    } en double : `{ $value }`{ $what ->
        [listed-code] {" "}dans cette activité
       *[other] {""}
    }
duplicate-label = déjà utilisé dans { $file }:{ $line }
duplicate-hint = chaque { $what ->
        [group] code de groupe
        [domain] code de domaine
        [competency] code de compétence
        [slug] identifiant d'activité
        [level] code de niveau
       *[listed-code] code de compétence d'une activité
    } doit être unique : renommez ou supprimez l'un des deux
platform-url-invalid = `{ $url }` n'est pas une adresse web
platform-url-invalid-hint = écrivez l'adresse complète de la plateforme, par exemple `url: "https://moodle.example.fr/"`, sans espaces
base-url-invalid = `{ $url }` n'est pas une adresse web
base-url-invalid-hint = écrivez l'adresse complète du site publié, par exemple `base_url: "https://www.example.fr/livret/"`, ou retirez `base_url` si le site est à la racine de son serveur
domain-empty = le domaine `{ $domain }` n'a aucune compétence
domain-empty-hint = listez ses compétences sous `competencies:`, ou supprimez le domaine
competency-text-empty = le texte de la compétence `{ $competency }` est vide
competency-text-empty-hint = écrivez l'intitulé de la compétence après `text:`
activity-validates-nothing = l'activité `{ $activity }` ne valide aucune compétence
activity-validates-nothing-hint = listez les codes qu'elle valide, par exemple `competencies: [{ $example }]`
unknown-code = code de compétence inconnu : `{ $code }`
unknown-code-label = absent du référentiel
unknown-code-hint-domain = le domaine { $domain } contient : { $codes }
unknown-code-hint-file = les codes sont listés dans { $file }
slug-invalid = identifiant (slug) invalide : `{ $slug }`
slug-invalid-hint = un slug devient un nom de fichier : lettres minuscules sans accents, chiffres et tirets, par exemple `analyse-article`
page-slug-reserved = un chapitre ne peut pas s'appeler `{ $slug }`
page-slug-reserved-hint = renommez le fichier : ce nom est pris par une page que le site produit lui-même
page-template-twice = deux pages utilisent `template: { $template }` ({ $other } et { $page })
page-template-twice-hint = une seule page peut lister les activités ou montrer le référentiel
data-table-unknown = tableau de données inconnu : `{ $table }`
data-table-unknown-hint = les tableaux de données sont les fichiers de content/data/ : { $tables }
data-table-no-columns = le tableau de données `{ $table }` n'a aucune colonne
data-table-no-columns-hint = listez les en-têtes de colonnes sous `columns:`
data-row-width = la ligne `{ $row }` a { $values ->
        [one] { $values } valeur
       *[other] { $values } valeurs
    }, mais le tableau a { $columns ->
        [one] { $columns } colonne
       *[other] { $columns } colonnes
    }
data-row-width-hint = donnez une valeur par colonne ; écrivez `null` pour une case vide
chart-title-empty = le graphique de `{ $table }` a un titre vide
chart-title-empty-hint = le titre est aussi le début du texte de remplacement du graphique
chart-untitled-group = le graphique de `{ $table }` a besoin d'un nom de légende pour les lignes sans titre de groupe
chart-untitled-group-hint = ajoutez `untitled_group: "…"` sous `chart:`
rule-exceeds-referentiel = la règle exige { $required } compétences, mais le référentiel n'en a que { $total }
rule-exceeds-referentiel-hint = baissez `required_total`, ou complétez le référentiel
competency-uncovered = la compétence `{ $code }` n'est validée par aucune activité
competency-uncovered-hint = ajoutez son code à la liste `competencies:` d'une activité, si une activité doit la valider
rule-unreachable = la règle de certification ne peut pas être atteinte, même en faisant toutes les activités
rule-unreachable-total = les activités valident { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    }, la règle en exige { $required }
rule-unreachable-domains = { $total } ; jamais validées, au-delà des { $maximum } permises par domaine : { $over }
rule-unreachable-hint = associez plus de compétences aux activités, ou assouplissez la règle dans les réglages
fiche-activity-unknown = modèle de fiche pour une activité qui n'existe pas : `{ $slug }`
fiche-activity-unknown-hint = `activity:` désigne une activité par son identifiant (slug)
fiche-twice = l'activité `{ $slug }` a deux modèles de fiche
fiche-twice-label = l'autre est dans { $file }
fiche-twice-hint = gardez-en un seul : le `fiche:` de l'activité, ou un fichier de content/fiches/
fiche-empty-text = { $what ->
        [heading] titre
        [subheading] sous-titre
        [instruction] consigne
        [annexes] titre des annexes
       *[label] libellé
    } vide dans le modèle de fiche
fiche-empty-text-hint = écrivez le texte { $what ->
        [heading] du titre
        [subheading] du sous-titre
        [instruction] de la consigne
        [annexes] du titre des annexes
       *[label] du libellé
    }, ou supprimez le bloc
fiche-annexes-none = la fiche liste les annexes, mais l'activité n'en a aucune
fiche-annexes-none-hint = listez-les sous `annexes:` dans l'activité, ou supprimez ce bloc
fiche-checklist-empty = une liste à cocher sans éléments, ou avec un élément vide
fiche-checklist-empty-hint = donnez un texte à chaque élément : `items: ["…", "…"]`
fiche-relative-link = le lien `{ $link }` d'un modèle de fiche ne mènerait nulle part depuis le document téléchargé
fiche-relative-link-hint = dans une fiche, écrivez des adresses complètes (https://…, mailto:…) ; pour renvoyer aux pages du livret, utilisez le `guidance` de l'activité
fiche-table-no-columns = un tableau sans colonnes
fiche-table-no-columns-hint = listez les en-têtes de colonnes : `columns: ["Lien", "Description"]`
fiche-column-empty = une colonne de tableau sans libellé
fiche-column-empty-hint = donnez un libellé à chaque colonne
fiche-table-shapes = un tableau avec plusieurs de `rows`, `empty_rows` et `cells`
fiche-table-shapes-hint = choisissez-en un : des en-têtes de lignes (`rows`), un nombre de lignes vides (`empty_rows`), ou des cases étiquetées (`cells`)
fiche-cells-width = une ligne de { $cells } cases étiquetées dans un tableau de { $columns } colonnes
fiche-cells-width-hint = donnez un libellé par colonne ; écrivez "" pour une case sans libellé
links-unreadable-html = impossible de vérifier les liens de { $path } : { $detail }
links-unreadable-html-hint = la page n'est pas du HTML lisible par le vérificateur ; regardez son modèle (template)
link-out-of-site = lien cassé `{ $url }` : il sort du site
link-no-file = lien cassé `{ $url }` : le site n'a pas de fichier { $path }
link-no-anchor = lien cassé `{ $url }` : pas d'ancre `#{ $fragment }` dans { $path }
link-label = { $kind ->
        [out] sort du site
        [file] fichier introuvable
       *[anchor] ancre introuvable
    }
link-out-of-site-hint = ses `..` remontent au-dessus du dossier racine du site : faites un lien vers un fichier du site
link-relative-hint = les liens partent de la page où ils se trouvent ({ $page })
link-to-source-hint = faites le lien vers la page que le site produit à partir de ce fichier, `{ $page }`, et non vers le fichier Markdown
link-no-anchors-hint = { $path } n'a pas d'ancre : faites le lien vers la page, sans `#{ $fragment }`
link-anchors-hint = ancres les plus proches dans { $path } : { $anchors } ; l'ancre d'un titre est formée à partir de son texte (voir docs/content-format.md)
link-template-label = { $kind ->
        [out] sort du site
        [file] fichier introuvable
       *[anchor] ancre introuvable
    }, dans la page produite { $page }{ $others ->
        [0] {""}
        [one] {" "}et sur une autre page ({ $named })
       *[other] {" "}et sur { $others } autres pages ({ $named })
    }
link-template-hint = ce lien vient d'un modèle (templates/ ou le thème par défaut) ou de HTML écrit dans un texte, pas d'un lien Markdown ; { $rest }
referentiel-empty = le référentiel n'a aucun domaine
referentiel-empty-hint = listez les domaines, chacun avec ses compétences : `- code: A.1`, `title: …`, `competencies: [...]` (voir docs/content-format.md)
group-empty = le groupe « { $group } » n'a aucun domaine
group-empty-hint = listez ses domaines sous `domains:`, ou supprimez le groupe
no-activities = le livret n'a aucune activité : { $folder }/ ne contient aucun fichier d'activité
no-activities-hint = ajoutez un fichier par activité dans { $folder }/ (voir docs/content-format.md) ; les listes du site et la fiche de suivi en ont besoin
date-invalid = date invalide dans le référentiel : `{ $date }`
date-invalid-label = ce n'est pas une date AAAA-MM-JJ
date-invalid-hint = écrivez la date de publication sous la forme année-mois-jour, par exemple `date: "2011-02-03"`
calendar-no-date = cette entrée du calendrier ne donne aucune date
calendar-no-date-hint = écrivez `due: "2027-01-15"` pour le jour de remise, ou `from:` et `to:` pour une période
calendar-day-and-period = cette entrée du calendrier donne à la fois un jour (`due`) et une période (`from`, `to`)
calendar-day-and-period-hint = gardez l'un des deux : `due:` pour un seul jour, ou `from:` et `to:` pour une période
calendar-half-period = la période a un `{ $given }:` mais pas de `{ $missing }:`
calendar-half-period-hint = une période a besoin de son premier jour (`from:`) et de son dernier jour (`to:`), tous deux sous la forme année-mois-jour
calendar-date-invalid = date invalide dans le calendrier : `{ $date }`
calendar-date-invalid-hint = écrivez la date sous la forme année-mois-jour, par exemple `due: "2027-01-15"`
calendar-reversed = la période finit le { $to }, avant de commencer le { $from }
calendar-reversed-hint = échangez les dates de `from:` et de `to:`
code-slug-collision = les codes `{ $other }` et `{ $code }` ne diffèrent que par la ponctuation ou la casse : tous deux s'écrivent `{ $slug }` dans les adresses du site
code-slug-collision-hint = l'un cacherait l'autre (sa page, sa place dans « Mon suivi ») : renommez l'un des deux pour qu'ils diffèrent d'une lettre ou d'un chiffre
rule-unreachable-minimums = { $total } ; sous leur minimum de compétences validées : { $below }
level-unknown = le niveau `{ $code }` n'est pas dans l'échelle du référentiel
level-unknown-hint = les niveaux de l'échelle sont : { $codes }
rule-level-without-scale = la règle demande le niveau `{ $code }`, mais le référentiel n'a pas d'échelle de niveaux
rule-level-without-scale-hint = ajoutez `levels:` au référentiel (avec `scale:` et `validated_from:`), ou retirez `level:` de la règle
rule-minimum-unknown-domain = `domain_minimums` nomme le domaine `{ $code }`, qui n'est pas dans le référentiel
rule-minimum-unknown-domain-hint = les domaines du référentiel sont : { $codes }
rule-minimum-exceeds-domain = la règle exige { $minimum } { $minimum ->
        [one] compétence validée
       *[other] compétences validées
    } dans le domaine `{ $domain }`, qui n'en a que { $total }
rule-minimum-exceeds-domain-hint = baissez ce minimum, ou complétez le domaine dans le référentiel
