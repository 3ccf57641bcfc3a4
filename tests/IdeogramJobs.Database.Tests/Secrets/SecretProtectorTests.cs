using System.Security.Cryptography;
using IdeogramJobs.Database.Secrets;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private static readonly string OldKey = NewKey();
    private static readonly string CurrentKey = NewKey();

    [Fact]
    public void A_protected_secret_reads_back_and_does_not_contain_the_plaintext()
    {
        var protector = Protector($"k1:{CurrentKey}");

        var stored = protector.Protect("ideogram-secret-value", "organisation-ideogram-key:7");

        Assert.DoesNotContain("ideogram-secret-value", stored);
        Assert.StartsWith("v1.k1.", stored);
        Assert.Equal("ideogram-secret-value", protector.Unprotect(stored, "organisation-ideogram-key:7"));
    }

    [Fact]
    public void The_same_secret_encrypts_differently_each_time() =>
        Assert.NotEqual(Protector($"k1:{CurrentKey}").Protect("same", "p"), Protector($"k1:{CurrentKey}").Protect("same", "p"));

    [Fact]
    public void A_value_copied_to_another_row_does_not_decrypt()
    {
        var protector = Protector($"k1:{CurrentKey}");
        var stored = protector.Protect("secret", "organisation-ideogram-key:7");

        var error = Assert.Throws<SecretUnavailableException>(() => protector.Unprotect(stored, "organisation-ideogram-key:8"));

        Assert.Contains("SECRET_ENCRYPTION_KEYS", error.Message);
        Assert.DoesNotContain("secret\"", error.Message);
    }

    [Fact]
    public void After_a_new_key_goes_first_old_values_still_read_and_are_marked_for_rotation()
    {
        var stored = Protector($"old:{OldKey}").Protect("secret", "p");
        var rotated = Protector($"new:{CurrentKey};old:{OldKey}");

        Assert.Equal("secret", rotated.Unprotect(stored, "p"));
        Assert.True(rotated.NeedsRotation(stored));
        Assert.False(rotated.NeedsRotation(rotated.Protect("secret", "p")));
    }

    [Fact]
    public void A_value_whose_key_is_no_longer_listed_is_refused_naming_the_key_id()
    {
        var stored = Protector($"old:{OldKey}").Protect("secret", "p");

        var error = Assert.Throws<SecretUnavailableException>(() => Protector($"new:{CurrentKey}").Unprotect(stored, "p"));

        Assert.Contains("'old'", error.Message);
    }

    [Fact]
    public void A_wrong_key_with_the_right_id_is_refused_not_read_as_garbage()
    {
        var stored = Protector($"k1:{OldKey}").Protect("secret", "p");

        Assert.Throws<SecretUnavailableException>(() => Protector($"k1:{CurrentKey}").Unprotect(stored, "p"));
    }

    [Fact]
    public void Without_a_master_key_nothing_is_stored_in_plaintext()
    {
        var protector = Protector(null);

        Assert.False(protector.CanEncrypt);
        Assert.Throws<SecretUnavailableException>(() => protector.Protect("secret", "p"));
    }

    [Theory]
    [InlineData("no-colon", "entry 1 must be id:base64")]
    [InlineData("k1:c2hvcnQ=", "must be 32 bytes")]
    [InlineData("bad id!:AAAA", "entry 1 must be id:base64")]
    public void Unusable_master_keys_stop_the_start_naming_the_variable_and_never_the_key(string keys, string expected)
    {
        var result = new SecretEncryptionOptionsValidator().Validate(null, new SecretEncryptionOptions { Keys = keys });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
        Assert.Contains("SECRET_ENCRYPTION_KEYS", result.FailureMessage);
        Assert.DoesNotContain("c2hvcnQ=", result.FailureMessage);
    }

    [Fact]
    public void A_key_id_listed_twice_is_refused()
    {
        var result = new SecretEncryptionOptionsValidator().Validate(null, new SecretEncryptionOptions { Keys = $"k1:{CurrentKey};k1:{OldKey}" });

        Assert.Contains("'k1' twice", result.FailureMessage);
    }

    private static SecretProtector Protector(string? keys) => new(Options.Create(new SecretEncryptionOptions { Keys = keys }));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MasterKey.KeyBytes));
}
