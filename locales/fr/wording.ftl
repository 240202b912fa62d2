# Wording of what livret composes outside the templates: the documents (fiche headers, the fiche
# de suivi), the exports and the certification rule's sentence. Every message may use the
# audience's words: $learner, $learners, $school_year, $school_year_title (settings `audience:`).

audience-learner = étudiant
audience-learners = étudiants
audience-school-year = année universitaire

doc-language-tag = fr-FR
doc-validation = Validation des compétences :
doc-competency-table = Domaines et compétences
doc-code = Code
doc-competency = Compétence
doc-level = Niveau
doc-date = Date
doc-subject = Modèle de fiche de l'activité « { $activity } »
doc-footer = { $organisation } – { $referentiel }
doc-page-number = Page { $page } / { $pages }
doc-placeholder = Cliquez ici pour saisir le texte
doc-table-placeholder = Saisir
doc-identity-name = Nom et prénom
doc-identity-course = Formation (parcours, discipline)
doc-identity-year = { $school_year_title }
doc-identity-school = Établissement d'exercice
doc-validation-title = Validation par le formateur
doc-validated = Validée
doc-not-validated = Non validée
doc-validation-trainer = Formateur (nom)

# The fiche de suivi's file name, without extension.
tracking-file-name = fiche-de-suivi
tracking-title = Fiche de suivi et d'évaluation
tracking-subject = Suivi de la validation des compétences du { $referentiel }
tracking-activities = Activités qui la valident
tracking-validated-by = Validée par
tracking-remarks = Observations
tracking-uncovered = Aucune activité : à valider avec le responsable de formation
tracking-bilan-title = Bilan des compétences acquises
tracking-bilan-intro = Établi par le responsable de formation à la fin de chaque { $school_year } ou à la fin de la session ; une commission de validation transmet au jury le récapitulatif des compétences validées.
tracking-bilan-intro-years = Établi par le responsable de formation à la fin de chaque { $school_year } ({ $years }) ou à la fin de la session ; une commission de validation transmet au jury le récapitulatif des compétences validées.
tracking-bilan-domain = Domaine
tracking-bilan-competencies = Compétences
tracking-bilan-validated = Validées
tracking-bilan-validated-in = Validées en { $year }
tracking-bilan-not-validated = Non validées
tracking-bilan-at-most-missing = Non validées au plus
tracking-bilan-at-least-validated = Validées au moins
tracking-bilan-total-rule = { $required } validées au moins
list-and = { $rest } et { $last }
tracking-bilan-total = Total
tracking-decision-title = Décision
tracking-decision-name = Nom
tracking-decision-signature = Signature
tracking-decision-head = Responsable de formation
tracking-decision-board = Commission de validation
tracking-decision-proposed = Proposé au jury pour la certification
tracking-decision-not-proposed = Non proposé : compétences à valider l'an prochain

export-name-moodle = Cadre de compétences pour Moodle (CSV)
export-name-case = Paquet CASE 1.0 (JSON)
export-name-json = Référentiel et activités (JSON)
export-name-matrix = Matrice activités × compétences, pour tableur (CSV)
case-type-group = Groupe
case-type-domain = Domaine
case-type-competency = Compétence
matrix-domain = Domaine
matrix-count = Nombre d'activités
# In a cell where the activity validates the competency.
matrix-mark = X
# French spreadsheets (Excel with a French locale) split CSV files on semicolons, since the comma
# is their decimal separator.
matrix-separator = ;

# The certification rule: the total, then a clause for each other part the rule sets.
rule-statement = Le certificat est délivré à chaque { $learner } qui a validé { $required } { $required ->
        [one] compétence
       *[other] compétences
    } sur { $total }{ $clauses }.
rule-clause-level = , au niveau { $level } « { $title } » au moins
rule-clause-max = , avec au maximum { $max } { $max ->
        [one] compétence non validée
       *[other] compétences non validées
    } par domaine
rule-clause-min = , dont au moins { $min } par domaine
rule-clause-minimums = , dont au moins { $minimums }
rule-minimum-item = { $min } en { $domain }
rule-list-separator = { ", " }

# Titles of the pages the site makes itself.
page-title-search = Recherche
page-title-not-found = Page introuvable
page-title-print = Version imprimable
page-title-print-volume = Version imprimable, volume { $number } sur { $total }
