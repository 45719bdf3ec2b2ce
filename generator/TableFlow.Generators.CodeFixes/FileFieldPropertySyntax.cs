using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TableFlow.Generators.CodeFixes;

/// <summary>
/// Writes a new file-field property (<c>public FlowFile Name { get; }</c>, optionally with <c>[FlowField("key")]</c>
/// on the line above) in the class's own indentation and line ending, instead of reformatting the class around it.
/// </summary>
internal static class FileFieldPropertySyntax
{
    /// <summary>A get-only public property of <paramref name="type"/> ready to insert into <paramref name="declaration"/>.</summary>
    public static PropertyDeclarationSyntax Create(ClassDeclarationSyntax declaration, string name, TypeSyntax type, string? key = null)
    {
        var indentation = SyntaxFactory.Whitespace(MemberIndentation(declaration));
        var lineEnding = LineEnding(declaration);
        var property = SyntaxFactory.PropertyDeclaration(SyntaxFactory.IdentifierName("T"), SyntaxFactory.Identifier(name))
            .AddModifiers(SyntaxFactory.Token(SyntaxKind.PublicKeyword))
            .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)))))
            .NormalizeWhitespace()
            .WithType(type.WithTrailingTrivia(SyntaxFactory.Space))
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(lineEnding);
        if (key is null) return property;

        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)));
        var attribute = SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::TableFlow.FlowField").WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(argument)));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(lineEnding);
        return property.WithAttributeLists(SyntaxFactory.SingletonList(list));
    }

    private static string MemberIndentation(ClassDeclarationSyntax declaration)
    {
        if (declaration.Members.Count > 0) return Indentation(declaration.Members[0].GetLeadingTrivia());
        return Indentation(declaration.CloseBraceToken.LeadingTrivia) + "    ";
    }

    private static string Indentation(SyntaxTriviaList trivia)
        => trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? trivia[trivia.Count - 1].ToString() : "";

    /// <summary>The line ending the type's own text uses (after its opening brace), CRLF when it has none.</summary>
    internal static SyntaxTrivia LineEnding(TypeDeclarationSyntax declaration)
    {
        foreach (var trivia in declaration.OpenBraceToken.TrailingTrivia)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia)) return trivia;
        }

        return SyntaxFactory.CarriageReturnLineFeed;
    }
}
