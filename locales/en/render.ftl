# Rendering the site, the documents and the exports (render/).

source-date-epoch-invalid = SOURCE_DATE_EPOCH is `{ $epoch }`, not a number of seconds since 1970
source-date-epoch-invalid-hint = set it to a whole number of seconds (e.g. `git log -1 --format=%ct`), or unset it and add a `date:` to the référentiel
date-missing = the référentiel has no `date:`: the CASE export is left out
date-missing-hint = add the publication date of this version at the top of the référentiel, e.g. `date: "2011-02-03"` (a CASE package must say when the framework last changed, and livret never uses the clock)
text-out-of-fuel = the text's {"{% %}"} code does too much work (more than { $steps } steps)
text-out-of-fuel-hint = a text shows a few values; a loop over thousands of items does not belong in it
text-value-error = value error in the text: { $problem }
text-value-error-hint = a text may show values such as {"{{ site.certification.required_total }}"} or {"{{ referentiel.competency_count }}"}; see docs/content-format.md
template-missing = the template `{ $name }` is missing
template-missing-hint = livret needs these templates: { $names }
template-error = template error: { $problem }
template-undefined-hint = a variable or attribute this template uses does not exist; see docs/templates.md for what each template receives
template-not-found-hint = the template is missing from templates/ (the embedded default may have been renamed)
template-out-of-fuel-hint = the template does too much work for one page (a loop over a huge range?): a render stops after { $steps } steps
template-error-hint = fix the template; the last good site is kept
print-rewrite-error = the page { $path } cannot be added to the print edition: { $detail }
document-name-taken = two documents would be named `{ $slug }`
document-name-taken-hint = it is the fiche de suivi's name: give the activity another slug
document-write-error = cannot write { $path }: { $detail }
markdown-link-missing = link to a missing page `{ $link }`
markdown-link-missing-label = resolves to { $resolved }, which does not exist
markdown-link-close-hint = did you mean `{ $close }`? Links are relative to the file they are in.
markdown-link-missing-hint = link to a page (.md) or an activity (.yaml) of content/, relative to this file
sass-error = Sass error: { $detail }
sass-error-hint = fix the stylesheet; the last good site is kept
sass-entry-hint = theme/style.scss is the stylesheet's entry point
export-write-error = cannot write the { $export } export: { $detail }
moodle-scale-invalid = level `{ $level }` cannot be an item of the Moodle scale: its title is empty or contains a comma
moodle-scale-invalid-hint = Moodle separates the scale's items with commas: write the title without a comma
moodle-item = { $level ->
        [framework] the framework
        [group] group
        [domain] domain
       *[competency] competency
    } `{ $code }`
moodle-framework-unnamed = the framework
moodle-item-titled = { $level ->
        [group] group
        [domain] domain
       *[competency] competency
    } « { $title } »
moodle-refused = Moodle export refused: { $reason }
moodle-no-idnumber = { $what } has no ID number (code)
moodle-no-idnumber-hint = Moodle silently drops a competency without an ID number, with everything under it: give it a `code:`
moodle-idnumber-too-long = the ID number of { $what } is { $length } characters long, over Moodle's { $max }
moodle-idnumber-too-long-hint = Moodle cuts ID numbers at { $max } characters on import, which changes this one and cuts off everything under it: shorten the code
moodle-idnumber-comma = the ID number of { $what } contains a comma
moodle-idnumber-comma-hint = Moodle reads cross-referenced ID numbers as a comma-separated list, so an ID number with a comma breaks those references: use another separator, e.g. a dot
moodle-idnumber-markup = the ID number of { $what } contains `{ $tag }`
moodle-idnumber-markup-hint = Moodle strips HTML tags from ID numbers on import, which would change this one: remove the `<`
moodle-shortname-empty = { $what } has an empty short name
moodle-shortname-empty-hint = Moodle silently drops a competency without a short name, with everything under it: write its text or title
moodle-shortname-too-long = the name of { $what } is { $length } characters long, over Moodle's { $max } for a short name
moodle-shortname-too-long-hint = Moodle cuts short names at { $max } characters on import: shorten `name` (the full title can go in `reference`)
moodle-shortname-markup = the short name of { $what } contains `{ $tag }`
moodle-shortname-markup-hint = Moodle strips HTML tags from short names on import, which would change this text: write `<` followed by a space, or reword
moodle-framework-idnumber-taken = the framework's ID number `{ $idnumber }` is also the code of { $what }
moodle-framework-idnumber-taken-hint = the framework's ID number comes from `short_name` (or `name`) and `version`; a competency with the same ID number makes Moodle's references ambiguous: change `short_name` or the code
moodle-same-as = the same as { $what }
engine-undefined = `{ $name }` does not exist
engine-undefined-value = a value used here does not exist
engine-syntax = syntax error: { $detail }
engine-out-of-fuel = too much work (a loop over a huge range?)
engine-not-found = a template is missing: { $detail }
engine-other = { $detail } ({ $kind })
