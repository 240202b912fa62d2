# Sentences of the site's default templates, called as `t("id", …)`. The handbook's language picks
# the file; numbers choose plurals.

rule-sentence = Le certificat est délivré à l’étudiant qui a validé { $required } { $required ->
        [one] compétence
       *[other] compétences
    } sur { $total }, avec au maximum { $max } { $max ->
        [one] compétence non validée
       *[other] compétences non validées
    } par domaine.
rule-max-caption = Compétences non validées par domaine (au maximum { $max })
coverage-yes = Oui.
coverage-no = Non.
coverage-feasible = En réalisant toutes les activités, un étudiant valide { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    } sur { $total } ; la règle en demande { $required }, avec au plus { $max } { $max ->
        [one] non validée
       *[other] non validées
    } par domaine, et aucun domaine ne la dépasse.
coverage-infeasible = En réalisant toutes les activités, un étudiant ne valide que { $covered } { $covered ->
        [one] compétence
       *[other] compétences
    } sur { $total }, alors que la règle en demande { $required } avec au plus { $max } { $max ->
        [one] non validée
       *[other] non validées
    } par domaine.
