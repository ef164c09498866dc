import ArgumentParser

/// `bulletin`: the root command.
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Builds the cyber-policy dialogue bulletin: Markdown articles, term registries and Mustache templates into a static site.",
        discussion: """
            Run it in the site's folder, which holds Content/ (articles, registries, pages, \
            static files) and Templates/ (the theme). The site is written to Public/.

            Exit status: 0 when the build succeeds, 1 when the site has errors (or warnings \
            with --strict), 2 when the command line is wrong.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self])
}
