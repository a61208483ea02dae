from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("digests", "0001_subscriptions_and_deliveries"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="query",
            field=models.TextField(
                blank=True,
                help_text="The library filters, as in /resources/?<query>, without page or sort.",
                verbose_name="library query",
            ),
        ),
    ]
