// `cem analyze` configuration. Lit's `static properties` entries with `state: true` are internal
// reactive state, not attributes, but the analyzer lists them as attributes: this plugin drops any
// attribute whose field is protected or private, so the manifest documents only the public API.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      name: 'policy:internal-state-is-not-an-attribute',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules ?? []) {
          for (const declaration of module.declarations ?? []) {
            const internal = new Set(
              (declaration.members ?? [])
                .filter((member) => member.privacy === 'private' || member.privacy === 'protected')
                .map((member) => member.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !internal.has(attribute.fieldName),
              );
            }
            for (const member of declaration.members ?? [])
              if (internal.has(member.name)) delete member.attribute;
          }
        }
      },
    },
  ],
};
