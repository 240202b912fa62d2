# Sentences of the site's default templates, called as `t("id", …)`. The handbook's language picks
# the file; numbers choose plurals.

rule-sentence = The certificate is awarded to the student who has validated { $required } of the { $total } { $total ->
        [one] competency
       *[other] competencies
    }, with at most { $max } { $max ->
        [one] competency
       *[other] competencies
    } not validated per domain.
rule-max-caption = Competencies not validated per domain (at most { $max })
coverage-yes = Yes.
coverage-no = No.
coverage-feasible = Doing every activity, a student validates { $covered } of the { $total } competencies; the rule asks for { $required }, with at most { $max } not validated per domain, and no domain goes beyond it.
coverage-infeasible = Doing every activity, a student validates only { $covered } of the { $total } competencies, while the rule asks for { $required } with at most { $max } not validated per domain.
