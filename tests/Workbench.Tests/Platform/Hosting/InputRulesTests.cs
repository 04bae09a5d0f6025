using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Exports;
using Workbench.Abstractions.Http;
using Workbench.Platform.Data;
using Workbench.Platform.Hosting;
using Workbench.Platform.Security;

namespace Workbench.Tests.Platform.Hosting;

/// <summary>The edge rules every module's input goes through (security issue 11).</summary>
public sealed class InputRulesTests
{
    public enum Colour { Red, Green }
    private sealed record Paint(Colour Colour, JsonObject? Extra = null);
    private static readonly JsonSerializerOptions Options = JsonInput.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Theory]
    [InlineData("""{"colour": "Green"}""", Colour.Green)]
    [InlineData("""{"colour": 1}""", Colour.Green)]
    public void Defined_enum_values_are_read_by_name_or_number(string json, Colour expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<Paint>(json, Options)!.Colour);

    [Theory]
    [InlineData("""{"colour": -1}""")]
    [InlineData("""{"colour": 7}""")]
    [InlineData("""{"colour": "Blue"}""")]
    [InlineData("""{"colour": "Red", "colour": "Green"}""")]
    [InlineData("""{"colour": "Red", "extra": {"a": "\ud800"}}""")]
    [InlineData("""{"colour": "Red", "extra": {"a": 1, "A": 2}}""")]
    [InlineData("""{"colour": "Red", "extra": [1]}""")]
    public void Undefined_enums_duplicate_keys_and_invalid_text_are_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Paint>(json, Options));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+371 20000000", "'+371 20000000")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("Rīga", "Rīga")]
    public void Csv_cells_never_start_a_formula_and_import_restores_them(string value, string cell)
    {
        Assert.Equal(cell, Csv.Cell(value, ';'));
        Assert.Equal(value, Csv.Restore(cell.Trim('"').Replace("\"\"", "\"")));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("a\u0000b.txt", "ab.txt")]
    [InlineData("", "datne")]
    [InlineData("..", "datne")]
    public void Uploaded_names_lose_folders_and_control_characters(string name, string clean) =>
        Assert.Equal(clean, Uploads.CleanFileName(name));

    [Theory]
    [InlineData("lēmums.pdf", "application/pdf")]
    [InlineData("līgums.edoc", "application/vnd.etsi.asic-e+zip")]
    [InlineData("lapa.html", "application/octet-stream")]
    [InlineData("attēls.svg", "application/octet-stream")]
    [InlineData("bez-paplašinājuma", "application/octet-stream")]
    public void Files_are_served_as_their_extension_allows(string name, string type) =>
        Assert.Equal(type, Uploads.SafeContentType(name));

    [Theory]
    [InlineData("anna@riga.lv", true)]
    [InlineData("a\u0001b@riga.lv", false)]
    [InlineData("anna @riga.lv", false)]
    [InlineData("Anna <anna@riga.lv>", false)]
    [InlineData("anna@riga.lv\r\nBcc: x@y.lv", false)]
    [InlineData("", false)]
    public void Email_addresses(string email, bool valid) => Assert.Equal(valid, UserService.IsEmailAddress(email));

    [Theory]
    [InlineData("/riga/admin", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\r\n/x", false)]
    [InlineData("https://evil.example", false)]
    public void Return_paths_must_stay_on_this_site(string url, bool local) => Assert.Equal(local, WorkbenchApplicationBuilderExtensions.IsLocalPath(url));

    [Fact]
    public void A_unique_key_refusal_is_recognised_and_other_database_errors_are_not()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (code TEXT UNIQUE, n INTEGER NOT NULL); INSERT INTO t VALUES ('a', 1);";
        create.ExecuteNonQuery();
        SqliteException Fails(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        }
        Assert.True(DatabaseErrors.IsUniqueViolation(new DbUpdateException("x", Fails("INSERT INTO t VALUES ('a', 2)"))));
        Assert.False(DatabaseErrors.IsUniqueViolation(new DbUpdateException("x", Fails("INSERT INTO t VALUES ('b', NULL)"))));
        Assert.True(DatabaseErrors.IsUniqueViolation(new DbUpdateException("x", new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", Npgsql.PostgresErrorCodes.UniqueViolation))));
    }
}
