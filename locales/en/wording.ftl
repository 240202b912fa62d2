# Wording of what livret composes outside the templates: the documents (fiche headers, the fiche
# de suivi), the exports and the certification rule's sentence. Every message may use the
# audience's words: $learner, $learners, $school_year, $school_year_title (settings `audience:`).

audience-learner = student
audience-learners = students
audience-school-year = academic year

doc-language-tag = en-US
doc-validation = Competencies validated:
doc-competency-table = Domains and competencies
doc-code = Code
doc-competency = Competency
doc-level = Level
doc-date = Date
doc-subject = Form template for the activity “{ $activity }”
doc-footer = { $organisation } – { $referentiel }
doc-page-number = Page { $page } of { $pages }
doc-placeholder = Click here to enter text
doc-table-placeholder = Enter
doc-identity-name = Full name
doc-identity-course = Programme (track, subject)
doc-identity-year = { $school_year_title }
doc-identity-school = School
doc-validation-title = Validation by the trainer
doc-validated = Validated
doc-not-validated = Not validated
doc-validation-trainer = Trainer (name)

# The fiche de suivi's file name, without extension.
tracking-file-name = tracking-sheet
tracking-title = Tracking and assessment sheet
tracking-subject = Tracking the validation of the competencies of { $referentiel }
tracking-activities = Activities that validate it
tracking-validated-by = Validated by
tracking-remarks = Remarks
tracking-uncovered = No activity: to be validated with the programme director
tracking-bilan-title = Summary of the competencies acquired
tracking-bilan-intro = Drawn up by the programme director at the end of each { $school_year } or at the end of the session; a validation board sends the summary of the validated competencies to the examination board.
tracking-bilan-intro-years = Drawn up by the programme director at the end of each { $school_year } ({ $years }) or at the end of the session; a validation board sends the summary of the validated competencies to the examination board.
tracking-bilan-domain = Domain
tracking-bilan-competencies = Competencies
tracking-bilan-validated = Validated
tracking-bilan-validated-in = Validated in { $year }
tracking-bilan-not-validated = Not validated
tracking-bilan-at-most-missing = Not validated, at most
tracking-bilan-at-least-validated = Validated, at least
tracking-bilan-total-rule = at least { $required } validated
list-and = { $rest } and { $last }
tracking-bilan-total = Total
tracking-decision-title = Decision
tracking-decision-name = Name
tracking-decision-signature = Signature
tracking-decision-head = Programme director
tracking-decision-board = Validation board
tracking-decision-proposed = Proposed to the examination board for the certificate
tracking-decision-not-proposed = Not proposed: competencies to validate next year

export-name-moodle = Competency framework for Moodle (CSV)
export-name-case = CASE 1.0 package (JSON)
export-name-json = Framework and activities (JSON)
export-name-matrix = Activities × competencies matrix, for spreadsheets (CSV)
case-type-group = Group
case-type-domain = Domain
case-type-competency = Competency
matrix-domain = Domain
matrix-count = Number of activities
# In a cell where the activity validates the competency.
matrix-mark = X
matrix-separator = ,

# The certification rule: the total, then a clause for each other part the rule sets.
rule-statement = The certificate is awarded to each { $learner } who has validated { $required } of the { $total } { $total ->
        [one] competency
       *[other] competencies
    }{ $clauses }.
rule-clause-level = , at level { $level } (“{ $title }”) or above
rule-clause-max = , with at most { $max } { $max ->
        [one] competency
       *[other] competencies
    } not validated per domain
rule-clause-min = , including at least { $min } per domain
rule-clause-minimums = , including at least { $minimums }
rule-minimum-item = { $min } in { $domain }
rule-list-separator = { ", " }

# Titles of the pages the site makes itself.
page-title-search = Search
page-title-not-found = Page not found
page-title-print = Printable version
page-title-print-volume = Printable version, volume { $number } of { $total }
