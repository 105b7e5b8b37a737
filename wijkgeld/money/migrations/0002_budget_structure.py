"""Seed the budget structure (tranches 1 and 2 with their themes) from data/tranches.json."""

from django.db import migrations


def forwards(apps, schema_editor):
    from wijkgeld.money.structure import load_structure

    load_structure(apps.get_model("money", "Tranche"), apps.get_model("money", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("money", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
