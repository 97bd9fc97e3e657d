export default function ScreenPage() {
  return <h1>screen</h1>;
}
