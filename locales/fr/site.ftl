# Sentences of the site's default templates and of its scripts, called as `t("id", …)`. The
# handbook's language picks the file; numbers choose plurals. Every call also receives the
# handbook's words for its readers: `$learner` (« étudiant », or the settings' word), `$learners`
# (« étudiants ») and `$school_year` (« année universitaire »). Write « chaque { $learner } »,
# « les { $learners } », never an article that the word would have to agree with or elide.
#
# The messages named `…-js-…` are sentences of `assets/search.js` and `assets/suivi.js`: the page
# renders them with each argument as a placeholder (`n="{n}"`) that the script fills in, so they
# cannot choose a plural themselves. A countable one is written once per plural category of the
# language (`…-one`, `…-other`), and the script picks one with `Intl.PluralRules` (`other` when the
# language's category has no message of its own).

## Every page (base.html)

nav-skip-link = Aller au contenu
nav-menu = Menu
nav-main-menu = Menu principal
nav-home = Accueil
nav-breadcrumbs = Fil d’Ariane
nav-pager = Pages précédente et suivante
nav-previous = Précédent
nav-next = Suivant
# Read by screen readers between « Précédent » or « Suivant » and the page's title.
nav-pager-separator = {"\u00A0"}:
footer-platform = Plateforme :
footer-generator = Site généré par livret

## Search (base.html, search.html, search.js)

search-label = Rechercher dans le livret
search-submit = Rechercher
search-help = Les accents et les majuscules sont facultatifs ; les résultats s’affichent pendant la saisie.
search-noscript = La recherche a besoin de JavaScript, qui est désactivé dans ce navigateur. Le menu permet de parcourir tout le livret.
search-js-see-also = Voir aussi :
search-js-none = Aucun résultat pour « { $query } ».
# Only when there are more results than shown (50).
search-js-first = Les { $shown } premiers de { $total } résultats pour « { $query } ».
search-js-count-one = { $n } résultat pour « { $query } ».
search-js-count-other = { $n } résultats pour « { $query } ».
search-js-unavailable = La recherche n’a pas pu charger son index : rechargez la page. Le menu permet de parcourir tout le livret.

## The 404 page

not-found-title = Page introuvable
not-found-text = La page demandée n’existe pas ou a été déplacée.
not-found-home = Retourner à la page d’accueil

## Home page

home-contents = Sommaire
home-activities = Activités

## Tables (macros.html)

competency-table-code = Code
competency-table-competency = Compétence
competency-table-activities = Activités qui la valident
competency-table-no-activity = Aucune activité
table-blank = non renseigné
table-total = Total
table-subtotal = Sous-total { $group }

## Dates (macros.html): « 15 janvier 2027 », « le 15 janvier 2027 », « du 1er mars 2027 au 31 mars 2027 »

# The day's number is written by the template, followed by `calendar-day-ordinal` raised.
calendar-date = { $day } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
calendar-day-ordinal = { $day ->
        [1] er
       *[other] {""}
    }
calendar-on-day = le { $day }
calendar-period = du { $first } au { $last }

## Activities (activities.html, activity.html)

activities-list-title = Liste des activités
activities-competencies = Compétences : { $codes }
activities-none = Aucune activité n’est définie.
activity-fiche-title = Fiche à compléter
activity-due-title = À rendre
activity-fiche-intro = Téléchargez le modèle, complétez-le dans LibreOffice ou Word, puis déposez-le avec les pièces demandées.
activity-fiche-print = Le modèle se télécharge sur la page « { $page } » du livret en ligne.
activity-deadlines = Dates de remise :
activity-deadline-year = { $year } : { $when }
activity-calendar-add = Ajouter les dates à mon agenda (fichier .ics)
activity-competencies-title = Compétences validées
activity-codes = Validation des compétences : { $codes }
activity-table-caption = Compétences validées par l’activité « { $activity } »
activity-no-competency = Cette activité ne valide aucune compétence du référentiel.
activity-instructions = Consignes
activity-requirements = Exigences
activity-annexes = Documents annexes à fournir
activity-model-title = Modèle de fiche
activity-model = « { $title } ».
activity-model-parts = « { $title } », en { $count } { $count ->
        [one] partie
       *[other] parties
    } : { $parts }.
activity-model-parts-separator = {"\u202F; "}
activity-preview = Aperçu du modèle

## Calendar page (calendar.html)

calendar-title = Dates de remise
calendar-add-all = Ajouter toutes les dates à mon agenda (fichier .ics)
calendar-add-all-help = { $link } : le téléphone ou la messagerie l’ouvre et ajoute chaque remise à l’agenda.
calendar-caption = Remises des activités, par date
calendar-column-date = Date
calendar-column-activity = Activité
calendar-column-year = Année
calendar-column-notes = Précisions
calendar-none = Aucune date de remise n’est fixée pour l’instant.

## Charts (chart.html): the text alternative

chart-totals = Totaux : { $list }.
chart-value = { $label } : { $value }
chart-bar-separator = {"\u202F; "}

## Competency pages (competency.html)

competency-group = Groupe
competency-domain = Domaine
competency-activities-title = Activités qui la valident
competency-page-no-activity = Aucune activité ne valide cette compétence : elle doit être validée autrement (vécu professionnel, justificatifs).

## Coverage report (coverage.html)

coverage-rule-title = La règle peut-elle être atteinte ?
coverage-yes = Oui.
coverage-no = Non.
coverage-feasible = En réalisant toutes les activités, chaque { $learner } valide { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    } sur { $total } ; la règle en demande { $required }, avec au plus { $max } { $max ->
        [one] non validée
       *[other] non validées
    } par domaine, et aucun domaine ne la dépasse.
coverage-infeasible = En réalisant toutes les activités, chaque { $learner } ne valide que { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    } sur { $total }, alors que la règle en demande { $required } avec au plus { $max } { $max ->
        [one] non validée
       *[other] non validées
    } par domaine.
coverage-feasible-any-rule = En réalisant toutes les activités, chaque { $learner } valide { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    } sur { $total } ; la règle en demande { $required }, et chaque domaine respecte ses limites.
coverage-infeasible-any-rule = En réalisant toutes les activités, chaque { $learner } valide { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    } sur { $total } ; la règle, qui en demande { $required }, ne peut pas être atteinte (voir les domaines ci-dessous).
coverage-column-min = Minimum validées
coverage-below-minimum = sous le minimum
coverage-domains-caption = Compétences qu’aucune activité ne valide, par domaine
coverage-column-domain = Domaine
coverage-column-competencies = Compétences
coverage-column-uncovered = Sans activité
coverage-column-max = Maximum non validées
coverage-column-state = État
coverage-over-limit = au-delà de la limite
coverage-within-limit = conforme
coverage-uncovered-title = Compétences qu’aucune activité ne valide
coverage-all-covered = Aucune : chaque compétence est validée par au moins une activité.
coverage-once-title = Compétences validées par une seule activité
coverage-once-intro = Si cette activité n’est pas réalisée, ou si elle n’est pas validée, les { $learners } n’ont pas d’autre occasion de valider la compétence.
coverage-column-competency = Compétence
coverage-column-only-activity = Seule activité qui la valide
coverage-once-none = Aucune.
coverage-without-title = Activités qui ne valident aucune compétence
coverage-all-validate = Aucune : chaque activité valide au moins une compétence.

## Documents (documents.html, downloads.html)

# A download link: « Format ODT (LibreOffice) », then the file's size.
documents-format = Format { $format } ({ $application })
documents-size = { $kilobytes } Ko
documents-table-caption = Tableau à compléter
downloads-title = Fiches à compléter
downloads-none = Aucun document n’est défini.
# $link: the référentiel page's title, as a link.
downloads-exports = Les exports du référentiel, pour les formateurs et les administrateurs (plateforme Moodle, serveurs de référentiels CASE, tableurs), sont proposés sur la page { $link }.

## Matrix (matrix.html)

matrix-title = Compétences × activités
matrix-intro = Un tableau par domaine : ses lignes sont les compétences du domaine, ses colonnes les activités qui valident au moins l’une d’elles. Une coche (✓) indique que l’activité valide la compétence. La dernière colonne compte les activités qui valident chaque compétence ; « aucune » signale une compétence qu’aucune activité ne valide. La dernière ligne compte, pour chaque activité, les compétences du domaine qu’elle valide.
matrix-total = Au total : { $covered }/{ $total } { $total ->
        [one] compétence couverte
       *[other] compétences couvertes
    }.
matrix-total-uncovered = Au total : { $covered }/{ $total } { $total ->
        [one] compétence couverte
       *[other] compétences couvertes
    }, { $uncovered } qu’aucune activité ne valide.
matrix-no-activity = Aucune activité ne valide les compétences de ce domaine.
matrix-caption = Domaine { $code } : compétences et activités qui les valident
matrix-column-competency = Compétence
matrix-column-count = Nombre d’activités
matrix-yes = oui
matrix-no = non
matrix-none = aucune
matrix-domain-total = Total du domaine
# The domain's « compétences couvertes » (as the column's total row; invariable).
matrix-covered = { $covered }/{ $total } couvertes

## Print edition (print.html)

# $title: the print edition's title.
print-lead = { $title } du livret complet – { $organisation }
print-note = Utilisez la commande Imprimer de votre navigateur (Ctrl+P) pour obtenir un PDF.
print-volumes-lead = Le livret complet compte { $pages } pages : il s’imprime en { $count } volumes, à ouvrir l’un après l’autre.
print-volume-link = Volume { $number }
# { $volume } is the volume's link (print-volume-link).
print-volume-entry = { $volume } : de « { $first } » à « { $last } » ({ $pages } pages)
# { $link } is a link to the contents page (print-volume-contents-link).
print-volume-contents = Ce volume fait partie d’une série : le { $link } les présente tous.
print-volume-contents-link = sommaire de la version imprimable

## Référentiel (referentiel.html, tracker.html)

rule-max-caption = Compétences non validées par domaine (au maximum { $max })
referentiel-domain-caption = Domaine { $code } : compétences et activités qui les valident
referentiel-exports-title = Le référentiel pour d’autres outils
referentiel-exports-intro = Le référentiel et les activités qui valident chaque compétence, pour les importer ailleurs :

## « Mon suivi » (tracker.html, suivi.js)

tracker-no-js = Imprimez cette page et cochez à la main les compétences validées.
tracker-tools-title = Sauvegarder et imprimer
tracker-storage = Vos coches sont enregistrées dans ce navigateur, sur cet appareil seulement ; rien n’est envoyé. Exportez-les pour les garder ou les reprendre ailleurs.
tracker-export = Exporter (JSON)
tracker-import = Importer un fichier exporté (JSON)
tracker-print = Imprimer
tracker-clear = Tout effacer
tracker-summary-title = Où en êtes-vous ?
tracker-column-domain = Domaine
tracker-column-validated = Validées
tracker-column-not-validated = Non validées
tracker-column-state = État
tracker-activities-title = Cocher par activité
tracker-activities-intro = Si une activité a été validée, cochez (ou décochez) d’un coup toutes ses compétences.
tracker-check = Cocher
tracker-uncheck = Décocher
# After « Cocher » or « Décocher », for screen readers.
tracker-activity-all = toutes les compétences de l’activité { $activity }
tracker-checklist-title = Compétences validées
tracker-print-fields = Nom et prénom : ……………………………………………… Date : ………………
# « 27 compétences validées, pour 23 requises »
tracker-js-validated-one = { $n } compétence validée
tracker-js-validated-other = { $n } compétences validées
tracker-js-required-one = { $n } requise
tracker-js-required-other = { $n } requises
tracker-js-not-validated-one = { $n } non validée
tracker-js-not-validated-other = { $n } non validées
tracker-js-missing-one = Il vous manque { $n } compétence
tracker-js-missing-other = Il vous manque { $n } compétences
# A domain's state, in the table: how many more of its competencies to validate.
tracker-js-over-one = { $n } à valider en plus
tracker-js-over-other = { $n } à valider en plus
tracker-js-ticked-one = { $n } compétence cochée
tracker-js-ticked-other = { $n } compétences cochées
tracker-js-ignored-one = { $n } code inconnu ignoré
tracker-js-ignored-other = { $n } codes inconnus ignorés
# Beside the big number of validated competencies, chosen by it: « compétences validées (23 requises) ».
tracker-js-legend-one = compétence validée ({ $required })
tracker-js-legend-other = compétences validées ({ $required })
# $validated: « 27 compétences validées »; $required: « 23 requises »; $max: « 2 non validées ».
tracker-js-summary = { $validated }, pour { $required }
tracker-js-met = Règle atteinte : { $summary }, aucun domaine au-delà de { $max }.
tracker-js-none = Aucune compétence cochée pour l’instant : il vous en faut { $required }, avec au maximum { $max } par domaine.
# $count: « 3 non validées »; $max: a number.
tracker-js-domain-problem = domaine { $code } : { $count }, maximum { $max }
# More than two domains over the limit ($n); $list: « A.1 (3), B.2 (4) ».
tracker-js-domains-over = { $n } domaines dépassent le maximum de { $max } : { $list }
# A domain under its minimum; $count: « 1 validée »; $min: a number.
tracker-js-domain-short = domaine { $code } : { $count }, minimum { $min }
# More than two domains over their maximum or under their minimum ($n); $list: « A.1, B.2, C.3 ».
tracker-js-domains-short = { $n } domaines ne respectent pas la règle : { $list }
# Without a per-domain maximum.
tracker-js-met-plain = Règle atteinte : { $summary }.
tracker-js-none-plain = Aucune compétence validée pour l’instant : il vous en faut { $required }.
tracker-js-but = { $summary }, mais { $problem }
tracker-js-separator = {"\u202F; "}
tracker-js-sentence = { $text }.
tracker-js-within-limit = Dans la limite
tracker-js-no-storage = Votre navigateur ne permet pas d’enregistrer vos coches : elles seront perdues à la fermeture de la page. Pensez à exporter votre suivi.
tracker-js-exported = Fichier exporté : { $ticked }.
tracker-js-imported = Suivi importé : { $ticked }.
tracker-js-imported-ignored = Suivi importé : { $ticked }, { $ignored }.
# $reason: one of the `tracker-js-error-…` messages, or `tracker-js-read-error`.
tracker-js-import-failed = Import impossible : { $reason }
tracker-js-read-error = le fichier n’a pas pu être lu.
tracker-js-error-json = ce fichier n’est pas un fichier JSON valide.
# $tracker: the tracker page's title.
tracker-js-error-format = ce fichier n’est pas un export de « { $tracker } ».
tracker-js-error-version = version de fichier non prise en charge : { $version }.
tracker-js-confirm-clear = Effacer toutes les coches ? Pensez à exporter votre suivi avant.
tracker-js-cleared = Toutes les coches ont été effacées.
# The exported file's name; $name: the handbook's short title, made a file name.
tracker-js-file-name = suivi-{ $name }.json
tracker-domains-caption = Compétences validées par domaine
tracker-level-none = Niveau non atteint
referentiel-levels-title = Niveaux de maîtrise
referentiel-level-validates = (la compétence est validée à partir de ce niveau)
referentiel-level-counts = (elle compte pour le certificat à partir de ce niveau)
# Between groups of three digits in a number: 12 345 in French, 12,345 in English.
number-group-separator = {"\u202F"}
