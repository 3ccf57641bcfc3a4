using System.Data;
using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Migrations.Scripts;
using IdeogramJobs.Database.Seeding;

namespace IdeogramJobs.Database.Migrations.C360Req;

/// <summary>
/// Gives accounts' seeded job types the forms the seed has now (style codes where the defaults carry
/// them, a seed under "advanced"), but only where the form is still exactly as first seeded: a form an
/// account edited is theirs. Compared as JSON values, because MySQL 8 stores JSON normalised.
/// </summary>
internal static class SeededUiSchemaUpgrade
{
    /// <summary>The UI schemas the five job types were first seeded with, as that seeder wrote them.</summary>
    private static readonly IReadOnlyDictionary<string, string> FirstSeeds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["product_marketing"] = """
            {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the product marketing image you want to generate..."},{"name":"styleType","type":"select","label":"Style Type","options":["AUTO","GENERAL","REALISTIC","DESIGN"],"default":"DESIGN"},{"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["1:1","16:9","9:16","4:3","3:4"],"default":"16:9"},{"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":8,"default":4}]}
            """,
        ["social_media"] = """
            {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the social media graphic you want to generate..."},{"name":"customPromptAddition","type":"text","label":"Add to the prompt","placeholder":"e.g. with modern minimalist design"},{"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["1:1","4:5","9:16","16:9"],"default":"1:1"},{"name":"magicPrompt","type":"select","label":"Magic Prompt","options":["AUTO","ON","OFF"],"default":"AUTO"},{"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":4,"default":3}]}
            """,
        ["blog_header"] = """
            {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the blog article the header is for..."},{"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["16:9","16:10","2:1","3:1"],"default":"16:9"},{"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":4,"default":2},{"name":"negativePrompt","type":"textarea","label":"Avoid","default":"people, faces, text"}]}
            """,
        ["concept_illustration"] = """
            {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the concept you want illustrated..."},{"name":"styleType","type":"select","label":"Style Type","options":["GENERAL","DESIGN","AUTO"],"default":"GENERAL"},{"name":"renderingSpeed","type":"select","label":"Rendering Speed","options":["FAST","DEFAULT","SLOW"],"default":"SLOW"},{"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["4:3","1:1","16:9","3:4"],"default":"4:3"},{"name":"colorPalette","type":"color-palette","label":"Colour Palette"}]}
            """,
        ["christian_content"] = """
            {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe the scene you want to generate..."},{"name":"customPromptAddition","type":"text","label":"Add to the prompt","placeholder":"e.g. with modern minimalist design"},{"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["16:9","1:1","4:3"],"default":"16:9"},{"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":4,"default":2},{"name":"colorPalette","type":"color-palette","label":"Colour Palette"}]}
            """,
    };

    public static void Apply(IDbConnection connection, IDbTransaction? transaction)
    {
        foreach (var jobType in DefaultJobTypes.All)
        {
            if (!FirstSeeds.TryGetValue(jobType.Name, out var firstSeed))
            {
                continue;
            }

            var first = JsonNode.Parse(firstSeed);
            var current = SettingsJson.Serialize(jobType.UiSchema);
            foreach (var configId in UntouchedRows(connection, transaction, jobType.Name, first))
            {
                using var update = MigrationCommand.Create(connection, transaction,
                    "UPDATE ssnews_job_configurations SET ui_schema = @schema WHERE config_id = @id",
                    ("schema", current), ("id", configId));
                update.ExecuteNonQuery();
            }
        }
    }

    private static List<int> UntouchedRows(IDbConnection connection, IDbTransaction? transaction, string name, JsonNode? first)
    {
        var untouched = new List<int>();
        using var select = MigrationCommand.Create(connection, transaction,
            "SELECT config_id, ui_schema FROM ssnews_job_configurations WHERE job_type_name = @name", ("name", name));
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            if (JsonNode.DeepEquals(JsonNode.Parse(reader.GetString(1)), first))
            {
                untouched.Add(reader.GetInt32(0));
            }
        }

        return untouched;
    }
}
