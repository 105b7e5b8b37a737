"""Arabic (العربية): the counting engine's sentences, for results pages in Arabic (right to left).

Made: machine-assisted by a Wijkgeld developer from the English source (texts_en.py), with the Dutch (texts_nl.py)
as reference, 2026-12-03. Modern Standard Arabic in plain language (CEFR B1), with the words of the fund's Arabic
catalog (wijkgeld/fund/locale/ar): فكرة (idea, where the Dutch says "idee"), مشروع (project), المصوّتون (voters),
الحصص المتساوية (equal shares), القرعة (lottery), التعادل (tie).
Review: every sentence awaits review by a native speaker. Least sure, marked "review:" below: the rule names
("الحصص المتساوية", "Add1"), "الإكمال" for the fill-up after equal shares, and "رقم البداية" (seed).
Numbers and amounts: the digits 0-9 as on the site's Arabic pages; amounts come isolated left to right
(U+2066 ... U+2069, see ``money`` in texts.py). Every number stands after a colon or as a label ("عدد المصوّتين: 12"),
so that no sentence needs Arabic's six plural forms. An idea or project is spoken of in the masculine
(اختير / لم يُختر, as for مشروع), also where the Dutch says "idee" (review: فكرة is feminine).
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # Rule names. review: "الحصص المتساوية" (equal shares) and "Add1" as in the fund's catalog.
    "rule.greedy": "أكثر الأصوات أولًا",
    "rule.greedy-ratio": "أكثر الأصوات لكل يورو أولًا",
    "rule.mes": "الحصص المتساوية (Method of Equal Shares)",
    "rule.phragmen": "Phragmén",
    "rule.greedy-threshold": "أكثر الأصوات أولًا، مع حد أدنى من الأصوات",
    "rule.greedy-no-skip": "أكثر الأصوات أولًا، مع التوقف عند أول مشروع لا يدخل في الميزانية",
    "rule.greedy-exclusive": "أكثر الأصوات أولًا، مع مشاريع يستبعد بعضها بعضًا",
    "rule.equalshares": "الحصص المتساوية (Method of Equal Shares)",
    "rule.equalshares-comparison": "الحصص المتساوية، مقارنةً مع أكثر الأصوات أولًا",
    "rule.equalshares/add1": "الحصص المتساوية، مع حصة ترتفع خطوة بخطوة (Add1)",
    "rule.equalshares/add1-comparison": "الحصص المتساوية مع Add1، مقارنةً مع أكثر الأصوات أولًا",
    # Summary
    "summary.count": "العدّ بقاعدة: {rule}. الميزانية: {budget}. عدد المصوّتين: {voters}.",
    "summary.funded": "عدد الأفكار المختارة: {n}، ومجموع تكلفتها {total}. الباقي: {left}.",
    "summary.share": "حصل كل مصوّت على حصة متساوية قدرها {share} ليدفع منها للأفكار.",
    "summary.raised": "هذه الحصة أكبر من الميزانية مقسومةً على عدد المصوّتين: رُفعت خطوة بخطوة حتى يبقى أقل "
    "قدر ممكن من المال، من دون تجاوز الميزانية.",
    "summary.fill_up": "إذا بقي مال بعد ذلك، اختيرت الأفكار التي لها أكثر الأصوات والتي ما زالت تدخل في الميزانية.",
    "summary.ties": "عند التعادل يقرر: {tie}.",
    # Ties. review: "رقم البداية" (seed)
    "tie.id": "رقم الفكرة",
    "tie.cost-then-votes": "الفكرة الأقل تكلفة، ثم أكثر الأصوات",
    "tie.lottery": "قرعة برقم البداية المنشور {seed}",
    # A city's rule
    "city.threshold.votes": "لم يكن ممكنًا اختيار إلا المشاريع التي لها حد أدنى من الأصوات: {threshold}.",
    "city.threshold.points": "لم يكن ممكنًا اختيار إلا المشاريع التي لها حد أدنى من النقاط: {threshold}.",
    "city.no_skip": "توقف العدّ عند أول مشروع لم يعد يدخل في الميزانية.",
    "city.group.category": "كان لكل فئة ميزانيتها الخاصة؛ وكان على المشروع أن يدخل فيها أيضًا.",
    "city.group.neighbourhood": "كان لكل حي ميزانيته الخاصة؛ وكان على المشروع أن يدخل فيها أيضًا.",
    "city.leftover": "المال الذي بقي في المجموعات ذهب بعد ذلك إلى المشاريع التي لها أكثر الأصوات والتي ما زالت "
    "تدخل في الميزانية.",
    "city.measure.satisfaction": "مشاريع مختارة أكثر",
    "city.measure.cover": "مشروع مختار واحد على الأقل",
    "city.comparison": "المقارنة مع أكثر الأصوات أولًا ({measure}): عدد المصوّتين الذين فضّلوا نتيجة الحصص "
    "المتساوية: {prefers_mes}؛ وعدد الذين فضّلوا نتيجة أكثر الأصوات: {prefers_greedy}. {verdict}",
    "city.comparison.switched": "لذلك تُعتمد نتيجة أكثر الأصوات.",
    "city.comparison.kept": "لذلك تبقى نتيجة الحصص المتساوية.",
    "city.increments": "بدأت الحصة لكل مصوّت بمبلغ كامل وارتفعت كل مرة بمقدار 1، حتى وصلت إلى {share}.",
    # One project: the head, then why
    "project.head": "{name} ({cost}، الأصوات: {votes}{points}): ",
    "project.points": "، النقاط: {score}",
    "project.mes_bought.points": "اختير في الخطوة {step}، بسعر {price} لكل نقطة.",
    "project.mes_bought": "اختير في الخطوة {step}. كل مصوّت لهذه الفكرة دفع من حصته {price} على الأكثر؛ ومن "
    "بقي له أقل من ذلك دفع كل ما بقي له.",
    # review: "الإكمال" for the fill-up
    "project.completion_funded": " ثم اختير عند الإكمال: المرتبة {rank} في القائمة، وكان قد بقي {left}.",
    "project.completion_no_fit": " ولم يدخل في الميزانية عند الإكمال أيضًا: كان قد بقي {left}.",
    "project.greedy_funded": "اختير. المرتبة {rank} في القائمة؛ عندما جاء دوره كان قد بقي {left}.",
    "project.greedy_no_fit": "لم يُختر. المرتبة {rank} في القائمة؛ عندما جاء دوره لم يبقَ إلا {left}.",
    "project.phragmen_bought": "اختير في الخطوة {step}.",
    "project.phragmen_stopped": "لم يُختر: جاء دوره لكنه لم يعد يدخل في الميزانية، وعند ذلك تتوقف هذه القاعدة.",
    "project.phragmen_not_reached": "لم يُختر: توقف العدّ قبل أن يأتي دور هذه الفكرة.",
    "project.too_expensive": "لم يُختر: تكلفته أكبر من الميزانية كلها.",
    "project.no_support": "لم يُختر بالحصص المتساوية: لم يصوّت له أحد.",
    "project.no_support_filled": " لكنه اختير عند الإكمال.",
    "project.free": "اختير: لا يكلّف شيئًا وله تأييد.",
    # Equal shares: why the voters' money was not enough
    "ran_out.never": "لم يُختر بالحصص المتساوية: المصوّتون لهذه الفكرة كان معهم معًا {money} فقط: وهذا لا يكفي.",
    "ran_out.from_step": "لم يُختر بالحصص المتساوية. من الخطوة {step} كان مع المصوّتين لهذه الفكرة معًا {money} "
    "فقط: وهذا لا يكفي.",
    "ran_out.went_to": " ذهب مالهم في الغالب إلى: {top}.",
    # A city's rule, per project
    "city.below_threshold.votes": "لم يُختر: عدد الأصوات ({score}) أقل من الحد الأدنى ({threshold}).",
    "city.below_threshold.points": "لم يُختر: عدد النقاط ({score}) أقل من الحد الأدنى ({threshold}).",
    "city.withdrawn": "لم يُختر: سُحب المشروع بعد التصويت.",
    "city.no_skip_stop": "لم يُختر: المرتبة {rank} في القائمة، لكن لم يبقَ إلا {left}. هنا توقف العدّ.",
    "city.not_reached": "لم يُختر: توقف العدّ قبل أن يأتي دور هذا المشروع.",
    "city.excluded": "لم يُختر: لا يمكن اختياره مع {rival}، وذلك المشروع كان قد اختير.",
    "city.group_full": "المرتبة {rank} في القائمة؛ لم يعد يدخل في ميزانية مجموعته: {groups}.",
    "city.leftover_funded": " لكنه اختير من المال الذي بقي ({left}).",
    "city.leftover_no_fit": " والمال الذي بقي ({left}) لم يكفِ أيضًا.",
    "city.funded": "اختير: {text}",
    "city.not_funded": "لم يُختر: {text}",
    # One voter
    "voter.funded": "عدد الأفكار المختارة من الأفكار التي صوّتَّ لها: {n}. يذهب إليها {spent} من الميزانية.",
    "voter.share": "كانت حصتك المتساوية {share}. استُعمل منها {paid} للأفكار التي صوّتَّ لها.",
    # Lists
    "list.separator": "، ",
}
