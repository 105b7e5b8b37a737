"""Turkish (Türkçe): the counting engine's sentences, for results pages in Turkish.

Made: machine-assisted by a Wijkgeld developer from the English source (texts_en.py), with the Dutch (texts_nl.py)
as reference, 2026-12-03. Written in plain language (CEFR B1), with the words of the fund's Turkish catalog
(wijkgeld/fund/locale/tr): fikir (idea, where the Dutch says "idee"), proje (project), seçmen (voter), eşit paylar
(equal shares), kura (lottery), eşitlik (tie).
Review: every sentence awaits review by a native speaker. Least sure, marked "review:" below: the rule names
("eşit paylar", "Add1"), "tamamlama" for the fill-up after equal shares, and "başlangıç değeri (seed)".
Turkish uses the singular after a number ("3 fikir"), so no message needs plural forms.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # Rule names. review: "eşit paylar" (equal shares) and "Add1" as in the fund's catalog.
    "rule.greedy": "önce en çok oy",
    "rule.greedy-ratio": "önce avro başına en çok oy",
    "rule.mes": "eşit paylar (Method of Equal Shares)",
    "rule.phragmen": "Phragmén",
    "rule.greedy-threshold": "önce en çok oy, en az oy sayısı şartıyla",
    "rule.greedy-no-skip": "önce en çok oy, bütçeye sığmayan ilk projede durarak",
    "rule.greedy-exclusive": "önce en çok oy, birbirini dışlayan projelerle",
    "rule.equalshares": "eşit paylar (Method of Equal Shares)",
    "rule.equalshares-comparison": "eşit paylar, önce en çok oy kuralıyla karşılaştırılarak",
    "rule.equalshares/add1": "eşit paylar, payın adım adım artırılmasıyla (Add1)",
    "rule.equalshares/add1-comparison": "Add1 ile eşit paylar, önce en çok oy kuralıyla karşılaştırılarak",
    # Summary
    "summary.count": "Sayım kuralı: {rule}. Bütçe: {budget}. Seçmen sayısı: {voters}.",
    "summary.funded": "Seçilen: {n} fikir, toplam {total}. Kalan: {left}.",
    "summary.share": "Her seçmen, fikirlere ödemek için {share} tutarında eşit bir pay aldı.",
    "summary.raised": "Bu pay, bütçenin seçmen sayısına bölünmesinden daha yüksektir: bütçeyi aşmadan mümkün "
    "olduğunca az para artsın diye adım adım artırıldı.",
    "summary.fill_up": "Bundan sonra hâlâ para kaldıysa, en çok oy alan ve hâlâ sığan fikirler seçildi.",
    "summary.ties": "Eşitlik olursa karar veren: {tie}.",
    # Ties. review: "başlangıç değeri (seed)"
    "tie.id": "fikrin numarası",
    "tie.cost-then-votes": "en ucuz fikir, sonra en çok oy",
    "tie.lottery": "yayımlanmış başlangıç değeri (seed) {seed} ile kura",
    # A city's rule
    "city.threshold.votes": "Yalnızca en az {threshold} oy alan projeler seçilebildi.",
    "city.threshold.points": "Yalnızca en az {threshold} puan alan projeler seçilebildi.",
    "city.no_skip": "Sayım, bütçeye artık sığmayan ilk projede durdu.",
    "city.group.category": "Her kategorinin kendi bütçesi vardı; bir proje bu bütçeye de sığmak zorundaydı.",
    "city.group.neighbourhood": "Her mahallenin kendi bütçesi vardı; bir proje bu bütçeye de sığmak zorundaydı.",
    "city.leftover": "Gruplarda kalan para daha sonra en çok oy alan ve hâlâ sığan projelere gitti.",
    "city.measure.satisfaction": "daha çok seçilen proje",
    "city.measure.cover": "en az bir seçilen proje",
    "city.comparison": "Önce en çok oy kuralıyla karşılaştırma ({measure}): {prefers_mes} seçmen eşit paylar "
    "sonucunu, {prefers_greedy} seçmen en çok oy sonucunu daha iyi buldu. {verdict}",
    "city.comparison.switched": "Bu yüzden en çok oy sonucu geçerlidir.",
    "city.comparison.kept": "Bu yüzden eşit paylar sonucu geçerli kalır.",
    "city.increments": "Seçmen başına pay tam bir tutarla başladı ve her seferinde 1 artarak {share} oldu.",
    # One project: the head, then why
    "project.head": "{name} ({cost}, {votes} oy{points}): ",
    "project.points": ", {score} puan",
    "project.mes_bought.points": "{step}. adımda seçildi, puan başına {price}.",
    "project.mes_bought": "{step}. adımda seçildi. Bu fikre oy veren her seçmen kendi payından en fazla {price} "
    "ödedi; daha az parası kalan, kalan parasının hepsini ödedi.",
    # review: "tamamlama" for the fill-up
    "project.completion_funded": " Sonra tamamlamada seçildi: listede {rank}. sırada, hâlâ {left} vardı.",
    "project.completion_no_fit": " Tamamlamada da sığmadı: yalnızca {left} kalmıştı.",
    "project.greedy_funded": "seçildi. Listede {rank}. sırada; sırası geldiğinde hâlâ {left} vardı.",
    "project.greedy_no_fit": "seçilmedi. Listede {rank}. sırada; sırası geldiğinde yalnızca {left} kalmıştı.",
    "project.phragmen_bought": "{step}. adımda seçildi.",
    "project.phragmen_stopped": "seçilmedi: sırası geldi ama artık bütçeye sığmadı ve bu kural orada durur.",
    "project.phragmen_not_reached": "seçilmedi: sayım, bu fikrin sırası gelmeden durdu.",
    "project.too_expensive": "seçilmedi: bütün bütçeden daha pahalı.",
    "project.no_support": "eşit paylarla seçilmedi: kimse bu fikre oy vermedi.",
    "project.no_support_filled": " Ama tamamlamada seçildi.",
    "project.free": "seçildi: hiçbir maliyeti yok ve destek aldı.",
    # Equal shares: why the voters' money was not enough
    "ran_out.never": "eşit paylarla seçilmedi: bu fikre oy verenlerin toplam parası yalnızca {money} idi: "
    "yeterli değil.",
    "ran_out.from_step": "eşit paylarla seçilmedi. {step}. adımdan itibaren bu fikre oy verenlerin toplam parası "
    "yalnızca {money} idi: yeterli değil.",
    "ran_out.went_to": " Paraları en çok şunlara gitti: {top}.",
    # A city's rule, per project
    "city.below_threshold.votes": "seçilmedi: {score} oy, en az {threshold} sınırının altında.",
    "city.below_threshold.points": "seçilmedi: {score} puan, en az {threshold} sınırının altında.",
    "city.withdrawn": "seçilmedi: proje oylamadan sonra geri çekildi.",
    "city.no_skip_stop": "seçilmedi: listede {rank}. sırada, ama yalnızca {left} kalmıştı. Sayım burada durdu.",
    "city.not_reached": "seçilmedi: sayım, bu projenin sırası gelmeden durdu.",
    "city.excluded": "seçilmedi: {rival} ile birlikte seçilemez ve o proje zaten seçilmişti.",
    "city.group_full": "listede {rank}. sırada; artık kendi grubunun bütçesine sığmadı: {groups}.",
    "city.leftover_funded": " Ama kalan paradan seçildi ({left}).",
    "city.leftover_no_fit": " Kalan para ({left}) da yetmedi.",
    "city.funded": "seçildi: {text}",
    "city.not_funded": "seçilmedi: {text}",
    # One voter
    "voter.funded": "Oy verdiğiniz fikirlerden seçilenlerin sayısı: {n}. Bunlara bütçeden {spent} gidiyor.",
    "voter.share": "Eşit payınız {share} idi. Bunun {paid} tutarı oy verdiğiniz fikirler için kullanıldı.",
    # Lists
    "list.separator": ", ",
}
