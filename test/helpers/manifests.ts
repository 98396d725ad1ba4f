/** Manifests several tests build on, as YAML text. */

/** A Deployment `web` whose selector and template label are `app: <app>`. */
export const deployment = (app: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** A namespaced CRD (`widgets.<group>`, version v1) whose `spec.size` is an integer, with a maximum when given. */
export function widgetCrd(options: { group?: string; kind?: string; maximum?: string } = {}): string {
  const { group = 'example.com', kind = 'Widget', maximum } = options;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.${group}
spec:
  group: ${group}
  names: { kind: ${kind}, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { type: object, properties: { size: { type: integer${maximum !== undefined ? `, maximum: ${maximum}` : ''} } } }
`;
}
