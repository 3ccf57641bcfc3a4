using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;

namespace IdeogramJobs.Settings.Tests.Overrides;

public sealed class SettingNamesTests
{
    [Fact]
    public void Known_setting_names_are_the_JobSettings_json_members_camel_cased_in_declaration_order()
    {
        var members = typeof(JobSettings)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(property => property.MetadataToken)
            .Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name));

        Assert.Equal(members, SettingNames.Members);
    }

    [Fact]
    public void Overridable_fields_are_the_settings_plus_the_custom_prompt_addition_but_not_the_prompt()
    {
        Assert.Equal([.. SettingNames.Members, "customPromptAddition"], SettingNames.Overridable);
        Assert.DoesNotContain("prompt", SettingNames.Overridable);
    }
}
