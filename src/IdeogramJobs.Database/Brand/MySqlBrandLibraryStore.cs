using System.Security.Cryptography;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Brand;

/// <summary>
/// <see cref="IBrandLibraryStore"/> on ideogram_brand_assets and ideogram_brand_images. Every statement
/// is scoped by account_id, so one account never reads or changes another's library. Image bytes are
/// keyed by (account, SHA-256): adding the same image twice stores its bytes once.
/// </summary>
public sealed class MySqlBrandLibraryStore(C360ReqDatabase database) : IBrandLibraryStore
{

    private const string Select = """
        SELECT a.asset_id, a.kind, a.name, a.value, a.file_name, a.byte_count, a.image_sha256,
               (SELECT i.content_type FROM ideogram_brand_images i WHERE i.account_id = a.account_id AND i.sha256 = a.image_sha256) AS content_type_of_image,
               a.created_at, a.updated_at
        FROM ideogram_brand_assets a
        """;

    public async Task<IReadOnlyList<BrandAsset>> ListAsync(string accountId, BrandAssetKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand($"{Select} WHERE a.account_id = @account AND a.kind = @kind ORDER BY a.name, a.asset_id", connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("kind", kind.ToDatabase());
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<BrandAsset>> GetAsync(string accountId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand($"{Select} WHERE a.account_id = @account AND a.asset_id IN ({string.Join(",", ids.Select((_, i) => $"@id{i}"))})", connection);
        command.Parameters.AddWithValue("account", accountId);
        var index = 0;
        foreach (var id in ids)
        {
            command.Parameters.AddWithValue($"id{index++}", id);
        }

        return await ReadAsync(command, cancellationToken);
    }

    public async Task<StyleReferenceUpload?> GetImageAsync(string accountId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT a.file_name, i.content_type, i.content
            FROM ideogram_brand_assets a
            JOIN ideogram_brand_images i ON i.account_id = a.account_id AND i.sha256 = a.image_sha256
            WHERE a.account_id = @account AND a.asset_id = @id AND a.kind = 'style_reference'
            """, connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StyleReferenceUpload(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2))
            : null;
    }

    public async Task<BrandAsset?> InsertAsync(string accountId, BrandAssetDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string? sha = null;
        if (draft.Image is { } image)
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(image.Content));
            await using var insertImage = new MySqlCommand("""
                INSERT IGNORE INTO ideogram_brand_images (account_id, sha256, content_type, content, created_at)
                VALUES (@account, @sha, @type, @content, UTC_TIMESTAMP(3))
                """, connection, transaction);
            insertImage.Parameters.AddWithValue("account", accountId);
            insertImage.Parameters.AddWithValue("sha", sha);
            insertImage.Parameters.AddWithValue("type", image.ContentType);
            insertImage.Parameters.AddWithValue("content", image.Content);
            await insertImage.ExecuteNonQueryAsync(cancellationToken);
        }

        long id;
        try
        {
            await using var insert = new MySqlCommand("""
                INSERT INTO ideogram_brand_assets (account_id, kind, name, value, image_sha256, file_name, byte_count, created_at, updated_at)
                VALUES (@account, @kind, @name, @value, @sha, @file, @bytes, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
                """, connection, transaction);
            insert.Parameters.AddWithValue("account", accountId);
            insert.Parameters.AddWithValue("kind", draft.Kind.ToDatabase());
            insert.Parameters.AddWithValue("name", draft.Name);
            insert.Parameters.AddWithValue("value", ValueJson(draft));
            insert.Parameters.AddWithValue("sha", sha);
            insert.Parameters.AddWithValue("file", draft.Image is { } named ? ColumnText.Cut(named.FileName, 255) : null);
            insert.Parameters.AddWithValue("bytes", draft.Image?.Content.Length);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            id = insert.LastInsertedId;
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(accountId, [id], cancellationToken)).Single();
    }

    public async Task<(BrandWriteOutcome Outcome, BrandAsset? Asset)> UpdateAsync(string accountId, long id, BrandAssetDraft draft, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            // An image entry keeps its value (NULL); codes and palettes take the new one.
            await using var update = new MySqlCommand("""
                UPDATE ideogram_brand_assets
                SET name = @name, value = COALESCE(@value, value), updated_at = UTC_TIMESTAMP(3)
                WHERE account_id = @account AND asset_id = @id AND kind = @kind
                """, connection);
            update.Parameters.AddWithValue("account", accountId);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("kind", draft.Kind.ToDatabase());
            update.Parameters.AddWithValue("name", draft.Name);
            update.Parameters.AddWithValue("value", ValueJson(draft));
            try
            {
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                return (BrandWriteOutcome.NameTaken, null);
            }
        }

        var asset = (await GetAsync(accountId, [id], cancellationToken)).SingleOrDefault(a => a.Kind == draft.Kind);
        return asset is null ? (BrandWriteOutcome.NotFound, null) : (BrandWriteOutcome.Saved, asset);
    }

    public async Task<bool> DeleteAsync(string accountId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new MySqlCommand(
            "DELETE FROM ideogram_brand_assets WHERE account_id = @account AND asset_id = @id", connection, transaction);
        delete.Parameters.AddWithValue("account", accountId);
        delete.Parameters.AddWithValue("id", id);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken) > 0;

        await using var orphans = new MySqlCommand("""
            DELETE i FROM ideogram_brand_images i
            WHERE i.account_id = @account
              AND NOT EXISTS (SELECT 1 FROM ideogram_brand_assets a WHERE a.account_id = i.account_id AND a.image_sha256 = i.sha256)
            """, connection, transaction);
        orphans.Parameters.AddWithValue("account", accountId);
        await orphans.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static string? ValueJson(BrandAssetDraft draft) => draft.Kind switch
    {
        BrandAssetKind.StyleCodes => SettingsJson.Serialize(draft.StyleCodes ?? []),
        BrandAssetKind.Palette => draft.Palette is null ? null : SettingsJson.Serialize(draft.Palette),
        _ => null,
    };

    private static async Task<IReadOnlyList<BrandAsset>> ReadAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        var assets = new List<BrandAsset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = BrandAssetKinds.FromDatabase(reader.GetString("kind"));
            var value = reader.GetNullableString("value");
            assets.Add(new BrandAsset
            {
                Id = reader.GetInt64("asset_id"),
                Kind = kind,
                Name = reader.GetString("name"),
                StyleCodes = kind == BrandAssetKind.StyleCodes && value is not null ? SettingsJson.Deserialize<string[]>(value) : null,
                Palette = kind == BrandAssetKind.Palette && value is not null ? SettingsJson.Deserialize<ColorPalette>(value) : null,
                FileName = reader.GetNullableString("file_name"),
                ByteCount = reader.GetNullableInt32("byte_count"),
                Sha256 = reader.GetNullableString("image_sha256"),
                ContentType = reader.GetNullableString("content_type_of_image"),
                CreatedAt = reader.GetUtcDateTime("created_at"),
                UpdatedAt = reader.GetUtcDateTime("updated_at"),
            });
        }

        return assets;
    }
}
