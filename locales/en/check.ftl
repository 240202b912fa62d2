# Cross-reference checks (check/).

duplicate = duplicate { $what ->
        [group] group code
        [domain] domain code
        [competency] competency code
        [slug] activity slug
        [level] level code
       *[listed-code] competency code in this activity
    } `{ $value }`
duplicate-label = already used in { $file }:{ $line }
duplicate-hint = each { $what ->
        [group] group code
        [domain] domain code
        [competency] competency code
        [slug] activity slug
        [level] level code
       *[listed-code] competency code of an activity
    } must be unique: rename or remove one
platform-url-invalid = `{ $url }` is not a web address
platform-url-invalid-hint = write the platform's full address, e.g. `url: "https://moodle.example.fr/"`, without spaces
base-url-invalid = `{ $url }` is not a web address
base-url-invalid-hint = write the full address of the published site, e.g. `base_url: "https://www.example.fr/livret/"`, or leave `base_url` out if the site is at the root of its server
domain-empty = domain `{ $domain }` has no competencies
domain-empty-hint = list its competencies under `competencies:`, or remove the domain
competency-text-empty = competency `{ $competency }` has an empty text
competency-text-empty-hint = write the competency's wording after `text:`
activity-validates-nothing = activity `{ $activity }` validates no competency
activity-validates-nothing-hint = list the codes it validates, e.g. `competencies: [{ $example }]`
unknown-code = unknown competency code `{ $code }`
unknown-code-label = not in the référentiel
unknown-code-hint-domain = domain { $domain } has: { $codes }
unknown-code-hint-file = codes are listed in { $file }
slug-invalid = invalid slug `{ $slug }`
slug-invalid-hint = a slug is a file name: use lowercase letters without accents, digits and hyphens, e.g. `analyse-article`
page-slug-reserved = a chapter cannot be named `{ $slug }`
page-slug-reserved-hint = rename the file: this name is taken by a page the site generates
page-template-twice = two pages use `template: { $template }` ({ $other } and { $page })
page-template-twice-hint = only one page may list the activities or show the référentiel
data-table-unknown = unknown data table `{ $table }`
data-table-unknown-hint = data tables are the files of content/data/: { $tables }
data-table-no-columns = data table `{ $table }` has no columns
data-table-no-columns-hint = list the column headers under `columns:`
data-row-width = row `{ $row }` has { $values ->
        [one] one value
       *[other] { $values } values
    }, but the table has { $columns ->
        [one] one column
       *[other] { $columns } columns
    }
data-row-width-hint = give one value per column; write `null` for a blank cell
chart-title-empty = the chart of `{ $table }` has an empty title
chart-title-empty-hint = the title is also the first words of the chart's text alternative
chart-untitled-group = the chart of `{ $table }` needs a legend name for the rows without a group title
chart-untitled-group-hint = add `untitled_group: "…"` to `chart:`
rule-exceeds-referentiel = the rule requires { $required } competencies, but the référentiel has only { $total }
rule-exceeds-referentiel-hint = lower `required_total`, or complete the référentiel
competency-uncovered = competency `{ $code }` is validated by no activity
competency-uncovered-hint = add its code to an activity's `competencies:` list if an activity should validate it
rule-unreachable = the certification rule cannot be met by doing every activity
rule-unreachable-total = the activities validate { $covered } { $covered ->
        [one] competency
       *[other] competencies
    }, the rule requires { $required }
rule-unreachable-domains = { $total }; never validated, beyond the { $maximum } allowed per domain: { $over }
rule-unreachable-hint = map more competencies to activities, or relax the rule in the settings
fiche-activity-unknown = fiche model for an activity that does not exist: `{ $slug }`
fiche-activity-unknown-hint = `activity:` names an activity by its slug
fiche-twice = activity `{ $slug }` has two fiche models
fiche-twice-label = the other is in { $file }
fiche-twice-hint = keep one: the activity's `fiche:` or one file in content/fiches/
fiche-empty-text = empty { $what ->
        [heading] heading
        [subheading] subheading
        [instruction] instruction
        [annexes] annexes title
       *[label] label
    } in the fiche model
fiche-empty-text-hint = write the { $what ->
        [heading] heading's
        [subheading] subheading's
        [instruction] instruction's
        [annexes] annexes title's
       *[label] label's
    } text, or remove the block
fiche-annexes-none = the fiche lists the annexes, but the activity has none
fiche-annexes-none-hint = list them under the activity's `annexes:`, or remove this block
fiche-checklist-empty = a checklist with no items or an empty item
fiche-checklist-empty-hint = give every item a text: `items: ["…", "…"]`
fiche-relative-link = the link `{ $link }` in a fiche model would lead nowhere from the downloaded document
fiche-relative-link-hint = in a fiche, write full addresses (https://…, mailto:…); link to the handbook's pages from the activity's `guidance` instead
fiche-table-no-columns = a table without columns
fiche-table-no-columns-hint = list the column headers: `columns: ["Lien", "Description"]`
fiche-column-empty = a table column with an empty label
fiche-column-empty-hint = give every column a label
fiche-table-shapes = a table with more than one of `rows`, `empty_rows` and `cells`
fiche-table-shapes-hint = choose one: row headers (`rows`), a number of empty rows (`empty_rows`), or labelled cells (`cells`)
fiche-cells-width = a row of { $cells } labelled cells in a table of { $columns } columns
fiche-cells-width-hint = give one label per column; use "" for a cell without label
links-unreadable-html = cannot check the links of { $path }: { $detail }
links-unreadable-html-hint = the page is not HTML the checker can read; look at its template
link-out-of-site = broken link `{ $url }`: it leads out of the site
link-no-file = broken link `{ $url }`: the site has no file { $path }
link-no-anchor = broken link `{ $url }`: no anchor `#{ $fragment }` in { $path }
link-label = { $kind ->
        [out] leads out of the site
        [file] no such file
       *[anchor] no such anchor
    }
link-out-of-site-hint = its `..` climb above the site's root folder: link to a file of the site
link-relative-hint = links are relative to the page they are in ({ $page })
link-to-source-hint = link to the page the site makes from that file, `{ $page }`, not to the Markdown file
link-no-anchors-hint = { $path } has no anchor: link to the page without `#{ $fragment }`
link-anchors-hint = closest anchors of { $path }: { $anchors }; a heading's anchor is made from its text (see docs/content-format.md)
link-template-label = { $kind ->
        [out] leads out of the site
        [file] no such file
       *[anchor] no such anchor
    }, in the generated page { $page }{ $others ->
        [0] {""}
        [one] {" "}and on one other page ({ $named })
       *[other] {" "}and on { $others } other pages ({ $named })
    }
link-template-hint = this link comes from a template (templates/ or the default theme) or from raw HTML in a text, not from a Markdown link; { $rest }
referentiel-empty = the référentiel has no domains
referentiel-empty-hint = list the domains, each with its competencies: `- code: A.1`, `title: …`, `competencies: [...]` (see docs/content-format.md)
group-empty = the group « { $group } » has no domains
group-empty-hint = list its domains under `domains:`, or remove the group
no-activities = the handbook has no activity: { $folder }/ holds no activity file
no-activities-hint = add one file per activity in { $folder }/ (see docs/content-format.md); the site's lists and the fiche de suivi need them
date-invalid = invalid date `{ $date }` in the référentiel
date-invalid-label = not a date YYYY-MM-DD
date-invalid-hint = write the publication date as year-month-day, e.g. `date: "2011-02-03"`
calendar-no-date = this calendar entry gives no date
calendar-no-date-hint = write `due: "2027-01-15"` for the day the work is due, or `from:` and `to:` for a period
calendar-day-and-period = this calendar entry gives both a day (`due`) and a period (`from`, `to`)
calendar-day-and-period-hint = keep one: `due:` for a single day, or `from:` and `to:` for a period
calendar-half-period = the period has `{ $given }:` but no `{ $missing }:`
calendar-half-period-hint = a period needs its first day (`from:`) and its last day (`to:`), both as year-month-day
calendar-date-invalid = invalid date `{ $date }` in the calendar
calendar-date-invalid-hint = write the date as year-month-day, e.g. `due: "2027-01-15"`
calendar-reversed = the period ends on { $to } before it starts on { $from }
calendar-reversed-hint = swap the dates of `from:` and `to:`
code-slug-collision = codes `{ $other }` and `{ $code }` differ only in punctuation or case: both are written `{ $slug }` in the site's addresses
code-slug-collision-hint = one would hide the other (its page, its place in « Mon suivi »): rename one of them so that they differ by a letter or a digit
rule-unreachable-minimums = { $total }; below their minimum of validated competencies: { $below }
level-unknown = level `{ $code }` is not in the référentiel's scale
level-unknown-hint = the scale's levels are: { $codes }
rule-level-without-scale = the rule asks for level `{ $code }`, but the référentiel has no scale of levels
rule-level-without-scale-hint = add `levels:` to the référentiel (with `scale:` and `validated_from:`), or remove `level:` from the rule
rule-minimum-unknown-domain = `domain_minimums` names domain `{ $code }`, which is not in the référentiel
rule-minimum-unknown-domain-hint = the référentiel's domains are: { $codes }
rule-minimum-exceeds-domain = the rule requires { $minimum } validated { $minimum ->
        [one] competency
       *[other] competencies
    } in domain `{ $domain }`, which has only { $total }
rule-minimum-exceeds-domain-hint = lower this minimum, or complete the domain in the référentiel
