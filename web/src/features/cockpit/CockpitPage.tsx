export default function CockpitPage() {
  return <h1>cockpit</h1>;
}
