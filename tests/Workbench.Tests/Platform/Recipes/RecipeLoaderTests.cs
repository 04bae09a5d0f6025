using Microsoft.Extensions.Configuration;
using Workbench.Platform.Recipes;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Recipes;

public sealed class RecipeLoaderTests : IDisposable
{
    private readonly string _folder = Repository.NewTempFolder("wb-recipe-unit");
    private readonly RecipeLoader _loader;

    public RecipeLoaderTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Town:Name"] = "Cēsis" }).Build();
        _loader = new RecipeLoader(new RecipeFolder(_folder), configuration);
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_folder, name + ".recipe.json"), json);

    [Fact]
    public void Variables_and_configuration_are_substituted_whole_or_inside_text()
    {
        var result = _loader.Parse("""
            { "name": "v", "variables": { "count": 3, "site": "Rīga" },
              "steps": [ { "name": "x", "n": "[js:variables('count')]", "title": "Sveiki, [js:variables('site')]!", "town": "[js: configuration('Town:Name')]" } ] }
            """, "v");
        Assert.True(result.IsValid);
        var step = result.Recipe!.Steps[0].Step;
        Assert.Equal(3, (int)step["n"]!);
        Assert.Equal("Sveiki, Rīga!", (string)step["title"]!);
        Assert.Equal("Cēsis", (string)step["town"]!);
    }

    [Fact]
    public void A_configuration_default_applies_only_when_the_key_is_not_set()
    {
        var result = _loader.Parse("""
            { "name": "v", "steps": [ { "name": "x", "set": "[js:configuration('Town:Name', 'Rīga')]", "unset": "[js:configuration('Town:Mayor', 'nav zināms')]" } ] }
            """, "v");
        Assert.True(result.IsValid);
        Assert.Equal("Cēsis", (string)result.Recipe!.Steps[0].Step["set"]!);
        Assert.Equal("nav zināms", (string)result.Recipe.Steps[0].Step["unset"]!);
    }

    [Fact]
    public void Unknown_variables_are_errors_with_paths()
    {
        var result = _loader.Parse("""{ "name": "v", "steps": [ { "name": "x", "items": [ { "t": "[js:variables('nope')]" } ] } ] }""", "v");
        Assert.False(result.IsValid);
        Assert.Equal("$.steps[0].items[0].t", result.Errors[0].Path);
    }

    [Fact]
    public void Included_recipes_are_expanded_in_place_with_their_origin()
    {
        Write("base", """{ "name": "base", "steps": [ { "name": "a" }, { "name": "b" } ] }""");
        var result = _loader.Parse("""{ "name": "top", "steps": [ { "name": "recipes", "values": [ { "name": "base" } ] }, { "name": "c" } ] }""", "top");
        Assert.True(result.IsValid);
        Assert.Equal(["a", "b", "c"], result.Recipe!.Steps.Select(s => (string)s.Step["name"]!));
        Assert.Equal("$.steps[0].values[0] → base.recipe.json $.steps[1]", result.Recipe.Steps[1].Origin);
    }

    [Fact]
    public void Recipes_that_include_each_other_are_refused()
    {
        Write("one", """{ "name": "one", "steps": [ { "name": "recipes", "values": [ { "name": "two" } ] } ] }""");
        Write("two", """{ "name": "two", "steps": [ { "name": "recipes", "values": [ { "name": "one" } ] } ] }""");
        var result = _loader.LoadByName("one");
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("one → two → one"));
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("""{ "steps": [] }""", "$.name")]
    [InlineData("""{ "name": "x" }""", "$.steps")]
    [InlineData("""{ "name": "x", "steps": [ 42 ] }""", "$.steps[0]")]
    public void Shape_errors_name_the_path(string json, string path)
    {
        var result = _loader.Parse(json, "x");
        Assert.False(result.IsValid);
        Assert.Equal(path, result.Errors[0].Path);
    }

    [Fact]
    public void Every_shipped_recipe_parses() 
    {
        // The shipped configuration: recipes may read it (riga's articles are owned by the configured administrator).
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Repository.Root, "host", "Workbench.Host", "appsettings.json")).Build();
        var loader = new RecipeLoader(new RecipeFolder(Repository.Recipes), configuration);
        var names = new RecipeFolder(Repository.Recipes).List().Select(r => r.Name).ToList();
        Assert.Contains("riga", names);
        foreach (var name in names)
            Assert.True(loader.LoadByName(name).IsValid, name);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
